//! The native half of the `struct` library module (`lib/struct.py`): format
//! parsing, packing and unpacking, with CPython 3.11's sizes, alignment and
//! `struct.error` messages. Functions take the `struct.error` class as their first
//! argument (the Python module owns the class).

use crate::builtins::bytes_methods::{bytes_of, new_bytes};
use crate::object::ObjData;
use crate::ops::{as_bigint, is_int};
use crate::{Args, PyResult, Value, Vm};
use num_bigint::BigInt;

#[derive(Clone, Copy)]
struct Item {
    code: u8,
    count: usize,
    size: usize,
    offset: usize,
}

struct Layout {
    items: Vec<Item>,
    size: usize,
    little: bool,
    native: bool,
    /// Number of Python values pack takes / unpack returns.
    nvalues: usize,
}

fn err(vm: &mut Vm, cls: &Value, msg: &str) -> Value {
    let m = vm.new_str(msg);
    vm.new_exc(cls, vec![m])
}

fn fmt_text(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v.data() {
        Some(ObjData::Str(s)) => Ok(s.s.to_string()),
        _ => match bytes_of(v) {
            Some(b) if matches!(v.data(), Some(ObjData::Bytes(_))) => {
                Ok(b.iter().map(|&c| c as char).collect())
            }
            _ => {
                let tn = vm.type_name(v);
                Err(vm.type_error(&format!(
                    "Struct() argument 1 must be a str or bytes object, not {tn}"
                )))
            }
        },
    }
}

fn parse(vm: &mut Vm, cls: &Value, fmt: &str) -> PyResult<Layout> {
    let b = fmt.as_bytes();
    let (mut i, little, native) = match b.first() {
        Some(b'@') => (1, cfg!(target_endian = "little"), true),
        Some(b'=') => (1, cfg!(target_endian = "little"), false),
        Some(b'<') => (1, true, false),
        Some(b'>') | Some(b'!') => (1, false, false),
        _ => (0, cfg!(target_endian = "little"), true),
    };
    let mut items = Vec::new();
    let mut off = 0usize;
    let mut nvalues = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                n = match n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((b[i] - b'0') as usize))
                {
                    Some(n) => n,
                    None => return Err(err(vm, cls, "total struct size too long")),
                };
                i += 1;
            }
            if i >= b.len() {
                return Err(err(vm, cls, "repeat count given without format specifier"));
            }
            count = n;
        }
        let code = b[i];
        i += 1;
        let size = match (code, native) {
            (b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p', _) => 1,
            (b'h' | b'H' | b'e', _) => 2,
            (b'i' | b'I' | b'f', _) => 4,
            (b'l' | b'L', true) => 8,
            (b'l' | b'L', false) => 4,
            (b'q' | b'Q' | b'd', _) => 8,
            (b'n' | b'N' | b'P', true) => 8,
            _ => return Err(err(vm, cls, "bad char in struct format")),
        };
        if code == b'e' {
            return Err(vm.unsupported("struct format 'e' (half-precision float)"));
        }
        if native && size > 1 {
            off = off.div_ceil(size) * size;
        }
        items.push(Item {
            code,
            count,
            size,
            offset: off,
        });
        match code {
            b's' | b'p' => {
                off += count;
                nvalues += 1;
            }
            b'x' => off += count,
            _ => {
                off += size * count;
                nvalues += count;
            }
        }
    }
    Ok(Layout {
        items,
        size: off,
        little,
        native,
        nvalues,
    })
}

fn put_int(out: &mut [u8], v: u64, size: usize, little: bool) {
    let bytes = v.to_le_bytes();
    for (k, &b) in bytes.iter().take(size).enumerate() {
        let dst = if little { k } else { size - 1 - k };
        out[dst] = b;
    }
}

fn get_int(src: &[u8], size: usize, little: bool) -> u64 {
    let mut v: u64 = 0;
    for k in 0..size {
        let b = if little { src[k] } else { src[size - 1 - k] };
        v |= (b as u64) << (8 * k);
    }
    v
}

fn int_value(vm: &mut Vm, cls: &Value, v: &Value) -> PyResult<BigInt> {
    if is_int(v) {
        return Ok(as_bigint(v).unwrap_or_default());
    }
    if !matches!(v.data(), Some(ObjData::Instance(_))) || v.is_float() {
        return Err(err(vm, cls, "required argument is not an integer"));
    }
    if let Some(f) = vm.lookup_special(v, "__index__") {
        let r = vm.call(&f, vec![v.clone()])?;
        if is_int(&r) {
            return Ok(as_bigint(&r).unwrap_or_default());
        }
    }
    Err(err(vm, cls, "required argument is not an integer"))
}

fn pack_one(
    vm: &mut Vm,
    cls: &Value,
    lay: &Layout,
    code: u8,
    size: usize,
    v: &Value,
    out: &mut [u8],
) -> PyResult<()> {
    let little = lay.little;
    match code {
        b'?' => {
            let t = vm.truthy(v)?;
            out[0] = t as u8;
        }
        b'c' => match v.data() {
            Some(ObjData::Bytes(b)) if b.len() == 1 => out[0] = b[0],
            Some(ObjData::ByteArray(b)) if b.borrow().len() == 1 => out[0] = b.borrow()[0],
            _ => {
                return Err(err(
                    vm,
                    cls,
                    "char format requires a bytes object of length 1",
                ))
            }
        },
        b'f' | b'd' => {
            let x = if let Some(f) = v.as_float() {
                f
            } else if is_int(v) {
                match crate::ops::as_f64(v) {
                    Some(f) => f,
                    None => return Err(vm.overflow_error("int too large to convert to float")),
                }
            } else if let Some(f) = vm.lookup_special(v, "__float__") {
                let r = vm.call(&f, vec![v.clone()])?;
                r.as_float().unwrap_or(0.0)
            } else {
                return Err(err(vm, cls, "required argument is not a float"));
            };
            if code == b'f' {
                let y = x as f32;
                if y.is_infinite() && x.is_finite() && !lay.native {
                    return Err(vm.overflow_error("float too large to pack with f format"));
                }
                put_int(out, y.to_bits() as u64, 4, little);
            } else {
                put_int(out, x.to_bits(), 8, little);
            }
        }
        _ => {
            let n = int_value(vm, cls, v)?;
            let unsigned = code.is_ascii_uppercase() || code == b'P';
            let bits = 8 * size as u32;
            let (lo, hi): (BigInt, BigInt) = if unsigned {
                (BigInt::from(0), (BigInt::from(1) << bits) - 1)
            } else {
                (
                    -(BigInt::from(1) << (bits - 1)),
                    (BigInt::from(1) << (bits - 1)) - 1,
                )
            };
            if n < lo || n > hi {
                let msg = match code {
                    b'b' => "byte format requires -128 <= number <= 127".to_string(),
                    b'B' => "ubyte format requires 0 <= number <= 255".to_string(),
                    b'h' => "short format requires -32768 <= number <= 32767".to_string(),
                    b'H' if lay.native => "ushort format requires 0 <= number <= 65535".to_string(),
                    _ => {
                        // Values beyond a C long (or negative for unsigned codes)
                        // fail the conversion itself.
                        let long_max = (BigInt::from(1) << 63u32) - 1;
                        let long_min = -(BigInt::from(1) << 63u32);
                        let ulong_max = (BigInt::from(1) << 64u32) - 1;
                        let conv_fails = if unsigned {
                            n < BigInt::from(0) || n > ulong_max
                        } else {
                            n < long_min || n > long_max
                        };
                        if conv_fails || size == 8 {
                            "argument out of range".to_string()
                        } else {
                            format!("'{}' format requires {lo} <= number <= {hi}", code as char)
                        }
                    }
                };
                return Err(err(vm, cls, &msg));
            }
            let word = match i64::try_from(&n) {
                Ok(x) => x as u64,
                Err(_) => u64::try_from(&n).unwrap_or(0),
            };
            put_int(out, word, size, little);
        }
    }
    Ok(())
}

fn pack_into_vec(vm: &mut Vm, cls: &Value, lay: &Layout, vals: &[Value]) -> PyResult<Vec<u8>> {
    if vals.len() != lay.nvalues {
        return Err(err(
            vm,
            cls,
            &format!(
                "pack expected {} items for packing (got {})",
                lay.nvalues,
                vals.len()
            ),
        ));
    }
    let mut out = vec![0u8; lay.size];
    let mut vi = 0;
    for it in &lay.items {
        match it.code {
            b'x' => {}
            b's' | b'p' => {
                let v = &vals[vi];
                vi += 1;
                let Some(data) = bytes_of(v) else {
                    let c = it.code as char;
                    return Err(err(
                        vm,
                        cls,
                        &format!("argument for '{c}' must be a bytes object"),
                    ));
                };
                let dst = &mut out[it.offset..it.offset + it.count];
                if it.code == b's' {
                    let n = data.len().min(it.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            _ => {
                for k in 0..it.count {
                    let st = it.offset + k * it.size;
                    let v = vals[vi].clone();
                    vi += 1;
                    pack_one(
                        vm,
                        cls,
                        lay,
                        it.code,
                        it.size,
                        &v,
                        &mut out[st..st + it.size],
                    )?;
                }
            }
        }
    }
    Ok(out)
}

fn unpack_slice(vm: &mut Vm, lay: &Layout, data: &[u8]) -> Vec<Value> {
    let mut out = Vec::with_capacity(lay.nvalues);
    for it in &lay.items {
        match it.code {
            b'x' => {}
            b's' => out.push(new_bytes(data[it.offset..it.offset + it.count].to_vec())),
            b'p' => {
                let src = &data[it.offset..it.offset + it.count];
                let v = if src.is_empty() {
                    Vec::new()
                } else {
                    let n = (src[0] as usize).min(src.len() - 1);
                    src[1..1 + n].to_vec()
                };
                out.push(new_bytes(v));
            }
            _ => {
                for k in 0..it.count {
                    let st = it.offset + k * it.size;
                    let src = &data[st..st + it.size];
                    let w = get_int(src, it.size, lay.little);
                    let v = match it.code {
                        b'c' => new_bytes(vec![src[0]]),
                        b'?' => Value::bool(src[0] != 0),
                        b'f' => Value::float(f32::from_bits(w as u32) as f64),
                        b'd' => Value::float(f64::from_bits(w)),
                        c if c.is_ascii_uppercase() || c == b'P' => {
                            if w > i64::MAX as u64 {
                                vm.new_bigint(BigInt::from(w))
                            } else {
                                vm.new_int(w as i64)
                            }
                        }
                        _ => {
                            let shift = 64 - 8 * it.size as u32;
                            let s = ((w << shift) as i64) >> shift;
                            vm.new_int(s)
                        }
                    };
                    out.push(v);
                }
            }
        }
    }
    out
}

fn buffer_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_of(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(&format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

/// `_lethe.struct_calcsize(error, fmt)`.
pub fn calcsize(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, f) = (a.pos[0].clone(), a.pos[1].clone());
    let fmt = fmt_text(vm, &f)?;
    let lay = parse(vm, &cls, &fmt)?;
    Ok(vm.new_int(lay.size as i64))
}

/// `_lethe.struct_pack(error, fmt, values)`.
pub fn pack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, f) = (a.pos[0].clone(), a.pos[1].clone());
    let fmt = fmt_text(vm, &f)?;
    let lay = parse(vm, &cls, &fmt)?;
    let vals = vm.collect(&a.pos[2])?;
    let out = pack_into_vec(vm, &cls, &lay, &vals)?;
    Ok(new_bytes(out))
}

/// `_lethe.struct_unpack(error, fmt, buffer, offset, from)`: `from` selects
/// unpack_from's rules (a buffer at least as long as needed, from `offset`).
pub fn unpack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, f) = (a.pos[0].clone(), a.pos[1].clone());
    let fmt = fmt_text(vm, &f)?;
    let lay = parse(vm, &cls, &fmt)?;
    let data = buffer_arg(vm, &a.pos[2])?;
    let from = a.pos.get(4).map(|v| v.is_true_const()).unwrap_or(false);
    if !from {
        if data.len() != lay.size {
            return Err(err(
                vm,
                &cls,
                &format!("unpack requires a buffer of {} bytes", lay.size),
            ));
        }
        let vals = unpack_slice(vm, &lay, &data);
        return Ok(vm.new_tuple(vals));
    }
    let mut off = a.pos.get(3).and_then(crate::ops::as_i64).unwrap_or(0);
    if off < 0 {
        if off + (data.len() as i64) < 0 {
            return Err(err(
                vm,
                &cls,
                &format!("offset {off} out of range for {}-byte buffer", data.len()),
            ));
        }
        off += data.len() as i64;
    }
    let off = off as usize;
    if data.len() < off || data.len() - off < lay.size {
        let msg = if off > data.len() {
            format!("offset {off} out of range for {}-byte buffer", data.len())
        } else {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {off} (actual buffer size is {})",
                lay.size + off,
                lay.size,
                data.len()
            )
        };
        return Err(err(vm, &cls, &msg));
    }
    let vals = unpack_slice(vm, &lay, &data[off..off + lay.size]);
    Ok(vm.new_tuple(vals))
}

/// `_lethe.struct_iter_unpack(error, fmt, buffer)`: a list of tuples.
pub fn iter_unpack(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let (cls, f) = (a.pos[0].clone(), a.pos[1].clone());
    let fmt = fmt_text(vm, &f)?;
    let lay = parse(vm, &cls, &fmt)?;
    let data = buffer_arg(vm, &a.pos[2])?;
    if lay.size == 0 {
        return Err(err(
            vm,
            &cls,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % lay.size != 0 {
        return Err(err(
            vm,
            &cls,
            &format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                lay.size
            ),
        ));
    }
    let mut out = Vec::new();
    for chunk in data.chunks(lay.size) {
        let vals = unpack_slice(vm, &lay, chunk);
        out.push(vm.new_tuple(vals));
    }
    Ok(vm.new_list(out))
}
