//! Hand-written checks of the public API: the examples the VM relies on,
//! auto-numbering, and a fuzz-style "never panics" sweep.

use lethe_format::*;

fn fmt_f(x: f64, spec: &str) -> String {
    format_float(x, &FormatSpec::parse_for(spec, "float").unwrap(), "float").unwrap()
}

fn fmt_i(v: i64, spec: &str) -> String {
    format_i64(v, &FormatSpec::parse_for(spec, "int").unwrap(), "int").unwrap()
}

fn err_msg<T: std::fmt::Debug>(r: Result<T, FormatError>) -> String {
    r.unwrap_err().to_string()
}

#[test]
fn float_repr_examples() {
    let cases = [
        (1e16, "1e+16"),
        (1.5e-5, "1.5e-05"),
        (1e-5, "1e-05"),
        (0.0001, "0.0001"),
        (123456789012345.0, "123456789012345.0"),
        (1.2345678901234567e19, "1.2345678901234567e+19"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (2.9802322387695312e-08, "2.9802322387695312e-08"),
    ];
    for (x, want) in cases {
        assert_eq!(float_repr(x), want);
    }
}

#[test]
fn format_examples() {
    assert_eq!(fmt_f(1e16, ""), "1e+16");
    assert_eq!(fmt_f(1.0, ""), "1.0");
    assert_eq!(fmt_f(1.5, ".3"), "1.5");
    assert_eq!(fmt_f(12345.678, ".3"), "1.23e+04");
    assert_eq!(fmt_f(2.675, ".2f"), "2.67");
    assert_eq!(fmt_f(0.125, ".2f"), "0.12");
    assert_eq!(fmt_f(0.375, ".2f"), "0.38");
    assert_eq!(fmt_f(2.5, ".0f"), "2");
    assert_eq!(fmt_f(1e5, "g"), "100000");
    assert_eq!(fmt_f(1e6, "g"), "1e+06");
    assert_eq!(fmt_f(1e300, "f").len(), 301 + 7);
    assert_eq!(fmt_i(1234, "010,"), "00,001,234");
    assert_eq!(fmt_i(255, "#X"), "0XFF");
    assert_eq!(fmt_i(1_000_000, "_x"), "f_4240");
    assert_eq!(fmt_i(-42, "=+8"), "-     42");
    assert_eq!(fmt_i(65, "c"), "A");
    let s = FormatSpec::parse("^7").unwrap();
    assert_eq!(format_str("abc", &s, "str").unwrap(), "  abc  ");
    let big: BigInt = "123456789012345678901234567890".parse().unwrap();
    let s = FormatSpec::parse(",").unwrap();
    assert_eq!(
        format_int(&big, &s, "int").unwrap(),
        "123,456,789,012,345,678,901,234,567,890"
    );
}

#[test]
fn format_errors() {
    let f = |spec: &str| FormatSpec::parse(spec).unwrap();
    assert_eq!(
        err_msg(format_float(1.0, &f("d"), "float")),
        "Unknown format code 'd' for object of type 'float'"
    );
    assert_eq!(
        err_msg(FormatSpec::parse(".")),
        "Format specifier missing precision"
    );
    assert_eq!(
        err_msg(format_str("x", &f(","), "str")),
        "Cannot specify ',' with 's'."
    );
    assert_eq!(
        err_msg(format_str("x", &f("#"), "str")),
        "Alternate form (#) not allowed in string format specifier"
    );
    assert_eq!(
        err_msg(format_str("x", &f("+"), "str")),
        "Sign not allowed in string format specifier"
    );
    assert_eq!(
        err_msg(FormatSpec::parse_for("abc", "int")),
        "Invalid format specifier 'abc' for object of type 'int'"
    );
    let e = FormatSpec::parse("abc").unwrap_err().for_type("MyInt");
    assert_eq!(e.kind(), ExcKind::Value);
    assert!(e.to_string().ends_with("'MyInt'"));
    let e = format_i64(0x110000, &f("c"), "int").unwrap_err();
    assert_eq!(e.kind(), ExcKind::Overflow);
    assert_eq!(
        FormatSpec::parse("99999999999").map(|s| format_i64(1, &s, "int")),
        Ok(Err(FormatError::Memory(String::new())))
    );
}

#[test]
fn round_examples() {
    assert_eq!(float_round(2.675, 2).unwrap(), 2.67);
    assert_eq!(float_round(1250.0, -2).unwrap(), 1200.0);
    assert_eq!(float_round(1350.0, -2).unwrap(), 1400.0);
    assert_eq!(float_round_to_int(2.5).unwrap(), BigInt::from(2));
    assert_eq!(float_round_to_int(-3.5).unwrap(), BigInt::from(-4));
    assert_eq!(
        float_round_to_int(f64::NAN).unwrap_err().kind(),
        ExcKind::Value
    );
    assert_eq!(
        float_round(1.7976931348623157e308, -308)
            .unwrap_err()
            .kind(),
        ExcKind::Overflow
    );
    assert_eq!(
        float_to_int(1e20).unwrap().to_string(),
        "100000000000000000000"
    );
    assert_eq!(float_to_int(-2.9).unwrap(), BigInt::from(-2));
}

#[test]
fn parse_examples() {
    assert_eq!(parse_int_literal(" -0x_1f ", 0), Ok(BigInt::from(-31)));
    assert_eq!(parse_int_literal("0x1f", 16), Ok(BigInt::from(31)));
    assert_eq!(parse_int_literal("010", 0), Err(InvalidLiteral));
    assert_eq!(parse_int_literal("000", 0), Ok(BigInt::from(0)));
    assert_eq!(parse_int_literal("1__0", 10), Err(InvalidLiteral));
    assert_eq!(
        invalid_int_literal_message("x", 10),
        "invalid literal for int() with base 10: 'x'"
    );
    assert_eq!(parse_float(" 1_0.5 "), Some(10.5));
    assert_eq!(parse_float("-Infinity"), Some(f64::NEG_INFINITY));
    assert!(parse_float("nan").unwrap().is_nan());
    assert_eq!(parse_float("0x10"), None);
    assert_eq!(int_to_base(&BigInt::from(-31), 16, true), "-0x1f");
    assert_eq!(int_to_base(&BigInt::from(5), 2, true), "0b101");
}

#[test]
fn repr_examples() {
    assert_eq!(str_repr("it's"), "\"it's\"");
    assert_eq!(str_repr("both ' and \""), "'both \\' and \"'");
    assert_eq!(
        str_repr("a\tb\x00\u{7f}é\u{200b}"),
        "'a\\tb\\x00\\x7fé\\u200b'"
    );
    assert_eq!(str_ascii("é😀"), "'\\xe9\\U0001f600'");
}

#[test]
fn percent_examples() {
    let pieces = parse_percent("%(name)-+#010.3x|%%|%*.*f").unwrap();
    assert_eq!(pieces.len(), 5);
    let PercentPiece::Spec(s) = &pieces[0] else {
        panic!("spec expected")
    };
    assert_eq!(s.key, Some("name"));
    assert!(s.left && s.plus && s.alt && s.zero);
    assert_eq!(s.width, PercentNum::Num(10));
    assert_eq!(s.precision, PercentNum::Num(3));
    assert_eq!(pieces[2], PercentPiece::Literal("%"));
    let PercentPiece::Spec(s) = &pieces[4] else {
        panic!("spec expected")
    };
    assert_eq!((s.width, s.precision), (PercentNum::Star, PercentNum::Star));
    assert_eq!(
        err_msg(parse_percent("abc %y")),
        "unsupported format character 'y' (0x79) at index 5"
    );
    assert_eq!(err_msg(parse_percent("abc %")), "incomplete format");
    let PercentPiece::Spec(s) = &parse_percent("%#010x").unwrap()[0] else {
        panic!("spec expected")
    };
    assert_eq!(percent_int(&BigInt::from(255), s), "0x000000ff");
}

#[test]
fn template_and_autonumber() {
    let t = parse_format_template("a{{b}}{0.x[1][k]!r:>{w}}").unwrap();
    assert_eq!(t[0], TemplatePiece::Literal("a{"));
    assert_eq!(t[1], TemplatePiece::Literal("b}"));
    let TemplatePiece::Field {
        name,
        conversion,
        spec,
        spec_needs_expanding,
    } = t[2]
    else {
        panic!("field expected")
    };
    assert_eq!(
        (name, conversion, spec, spec_needs_expanding),
        ("0.x[1][k]", Some('r'), ">{w}", true)
    );
    let mut auto = AutoNumber::new();
    let f = FieldName::parse(name, Some(&mut auto)).unwrap();
    assert_eq!(f.first, FieldFirst::Index(0));
    let acc: Vec<_> = f.accessors().collect::<Result<_, _>>().unwrap();
    assert_eq!(
        acc,
        [
            FieldAccessor::Attr("x"),
            FieldAccessor::Index(1),
            FieldAccessor::Key("k")
        ]
    );
    assert_eq!(
        err_msg(FieldName::parse("", Some(&mut auto))),
        "cannot switch from manual field specification to automatic field numbering"
    );
    let mut auto = AutoNumber::new();
    assert_eq!(
        FieldName::parse("", Some(&mut auto)).unwrap().first,
        FieldFirst::Index(0)
    );
    assert_eq!(
        FieldName::parse("[2]", Some(&mut auto)).unwrap().first,
        FieldFirst::Index(1)
    );
    assert_eq!(
        FieldName::parse("kw", Some(&mut auto)).unwrap().first,
        FieldFirst::Name("kw")
    );
    assert_eq!(
        err_msg(FieldName::parse("3", Some(&mut auto))),
        "cannot switch from automatic field numbering to manual field specification"
    );
    assert_eq!(
        err_msg(parse_format_template("}")),
        "Single '}' encountered in format string"
    );
    assert_eq!(
        err_msg(parse_format_template("{")),
        "Single '{' encountered in format string"
    );
    assert_eq!(
        err_msg(parse_format_template("{0")),
        "expected '}' before end of string"
    );
    assert_eq!(
        conversion_error('x').to_string(),
        "Unknown conversion specifier x"
    );
}

/// xorshift64*: deterministic, dependency-free randomness for the sweep.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn string(&mut self, alphabet: &[char], max: usize) -> String {
        let n = self.below(max + 1);
        (0..n)
            .map(|_| alphabet[self.below(alphabet.len())])
            .collect()
    }
}

#[test]
fn random_inputs_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let spec_chars: Vec<char> = "<>=^+- z#0123456789,_.bcdeEfFgGnosxX%é{}\u{0}\u{660}\u{10ffff}"
        .chars()
        .collect();
    let tmpl_chars: Vec<char> = "{}!:.[]0a1rsx é%*()-+#lh".chars().collect();
    let num_chars: Vec<char> = "0123456789abxoXOB_+-. eEinfatyINF\t\u{a0}\u{661}é"
        .chars()
        .collect();
    let big: BigInt = "-98765432109876543210987654321".parse().unwrap();
    let floats = [
        0.0,
        -0.0,
        1.5,
        -2.675,
        1e300,
        -1e-300,
        5e-324,
        f64::MAX,
        f64::INFINITY,
        f64::NAN,
    ];
    for i in 0..30_000 {
        let spec = rng.string(&spec_chars, 8);
        if let Ok(s) = FormatSpec::parse(&spec) {
            let _ = format_i64(rng.next() as i64, &s, "int");
            let _ = format_int(&big, &s, "int");
            let _ = format_float(floats[i % floats.len()], &s, "float");
            let _ = format_float(f64::from_bits(rng.next()), &s, "float");
            let _ = format_str("héllo", &s, "str");
        }
        let t = rng.string(&tmpl_chars, 12);
        let mut auto = AutoNumber::new();
        for p in TemplateParser::new(&t).flatten() {
            if let TemplatePiece::Field { name, .. } = p {
                if let Ok(f) = FieldName::parse(name, Some(&mut auto)) {
                    let _ = f.accessors().count();
                }
            }
        }
        for p in PercentParser::new(&t, i % 2 == 0).flatten() {
            if let PercentPiece::Spec(mut s) = p {
                let _ = s.set_star_width(rng.next() as i64 % 50);
                let _ = s.set_star_precision(rng.next() as i64 % 50);
                let _ = percent_int(&big, &s);
                let _ = percent_float(f64::from_bits(rng.next()), &s);
                let _ = percent_str("héllo", &s);
            }
        }
        let n = rng.string(&num_chars, 10);
        let _ = parse_int_literal(&n, [0, 2, 8, 10, 16, 36, 1, 37][i % 8]);
        let _ = parse_float(&n);
        let x = f64::from_bits(rng.next());
        let r = float_repr(x);
        if x.is_finite() {
            assert_eq!(parse_float(&r), Some(x), "repr round trip for {r}");
        }
        let _ = float_round(x, (rng.next() % 700) as i64 - 350);
        let _ = float_round_to_int(x);
        let _ = str_repr(&n);
    }
}
