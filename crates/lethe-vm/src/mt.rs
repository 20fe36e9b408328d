//! The Mersenne Twister core of `random` (MT19937 exactly as CPython's
//! `_randommodule.c` uses it), as `_lethe` helpers working on the generator state:
//! a list of 625 ints, the 624 state words followed by the position (CPython's
//! `getstate()` layout). The rest of `random` is Python (`lib/random.py`).

use crate::object::ObjData;
use crate::{Args, PyResult, Value, Vm};

const N: usize = 624;
const M: usize = 397;

fn init_genrand(s: u32) -> [u32; N] {
    let mut mt = [0u32; N];
    mt[0] = s;
    for i in 1..N {
        let prev = mt[i - 1];
        mt[i] = 1_812_433_253u32
            .wrapping_mul(prev ^ (prev >> 30))
            .wrapping_add(i as u32);
    }
    mt
}

fn init_by_array(key: &[u32]) -> [u32; N] {
    let mut mt = init_genrand(19_650_218);
    let (mut i, mut j) = (1usize, 0usize);
    let klen = key.len().max(1);
    let mut k = N.max(klen);
    while k > 0 {
        let prev = mt[i - 1];
        let kj = key.get(j).copied().unwrap_or(0);
        mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
            .wrapping_add(kj)
            .wrapping_add(j as u32);
        i += 1;
        j += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if j >= klen {
            j = 0;
        }
        k -= 1;
    }
    k = N - 1;
    while k > 0 {
        let prev = mt[i - 1];
        mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
        i += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        k -= 1;
    }
    mt[0] = 0x8000_0000;
    mt
}

fn twist(mt: &mut [u32]) {
    let mag = |y: u32| if y & 1 != 0 { 0x9908_b0df } else { 0 };
    for kk in 0..N - M {
        let y = (mt[kk] & 0x8000_0000) | (mt[kk + 1] & 0x7fff_ffff);
        mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
    }
    for kk in N - M..N - 1 {
        let y = (mt[kk] & 0x8000_0000) | (mt[kk + 1] & 0x7fff_ffff);
        mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
    }
    let y = (mt[N - 1] & 0x8000_0000) | (mt[0] & 0x7fff_ffff);
    mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
}

/// The generator over a state list borrowed in place.
struct Gen<'a> {
    l: &'a mut Vec<Value>,
}

fn word(v: &Value) -> u32 {
    v.as_small_int().unwrap_or(0) as u32
}

impl Gen<'_> {
    fn next(&mut self) -> u32 {
        let mut idx = self.l[N]
            .as_small_int()
            .unwrap_or(N as i64)
            .clamp(0, N as i64) as usize;
        if idx >= N {
            let mut mt = [0u32; N];
            for (w, x) in mt.iter_mut().zip(self.l.iter()) {
                *w = word(x);
            }
            twist(&mut mt);
            for (slot, w) in self.l.iter_mut().zip(mt.iter()) {
                *slot = Value::small_int(*w as i64);
            }
            idx = 0;
        }
        let mut y = word(&self.l[idx]);
        self.l[N] = Value::small_int(idx as i64 + 1);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    fn random(&mut self) -> f64 {
        let a = (self.next() >> 5) as f64;
        let b = (self.next() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// k random bits (1 <= k <= 63) as CPython's getrandbits builds them.
    fn bits(&mut self, k: u32) -> u64 {
        if k <= 32 {
            return (self.next() >> (32 - k)) as u64;
        }
        let lo = self.next() as u64;
        let hi = (self.next() >> (64 - k)) as u64;
        lo | (hi << 32)
    }
}

/// Run `f` on the generator whose state list is argument 0.
fn with_gen<R>(vm: &mut Vm, a: &Args, f: impl FnOnce(&mut Gen) -> R) -> PyResult<R> {
    let v = a.pos.first().cloned().unwrap_or(Value::NONE);
    let Some(ObjData::List(l)) = v.data() else {
        return Err(vm.type_error("random state must be a list"));
    };
    let mut l = l.borrow_mut();
    if l.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut g = Gen { l: &mut l };
    Ok(f(&mut g))
}

fn int_arg(vm: &mut Vm, a: &Args, i: usize) -> PyResult<i64> {
    match a.pos.get(i).and_then(|v| v.as_small_int()) {
        Some(n) => Ok(n),
        None => Err(vm.type_error("expected a small int")),
    }
}

/// `_lethe.mt_seed(key)`: the state list for init_by_array(key words).
pub fn mt_seed(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let words = match a.pos.first() {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    let key: Vec<u32> = words
        .iter()
        .map(|w| w.as_small_int().unwrap_or(0) as u32)
        .collect();
    let mt = init_by_array(&key);
    let mut out: Vec<Value> = mt.iter().map(|w| Value::small_int(*w as i64)).collect();
    out.push(Value::small_int(N as i64));
    Ok(vm.new_list(out))
}

/// `_lethe.mt_genrand(state)`: the next 32-bit output.
pub fn mt_genrand(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = with_gen(vm, a, |g| g.next())?;
    Ok(Value::small_int(r as i64))
}

/// `_lethe.mt_random(state)`: random() in [0, 1) with 53 bits.
pub fn mt_random(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let r = with_gen(vm, a, |g| g.random())?;
    Ok(Value::float(r))
}

/// `_lethe.mt_getrandbits(state, k)` for 1 <= k <= 47 (an inline int).
pub fn mt_getrandbits(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let k = int_arg(vm, a, 1)?;
    if !(1..=47).contains(&k) {
        return Err(vm.value_error("mt_getrandbits: k out of range"));
    }
    let r = with_gen(vm, a, |g| g.bits(k as u32))?;
    Ok(Value::small_int(r as i64))
}

/// `_lethe.mt_randbelow(state, n)` for 1 <= n < 2**47: CPython's
/// `_randbelow_with_getrandbits` (k = n.bit_length() bits until one is below n).
pub fn mt_randbelow(vm: &mut Vm, a: &Args) -> PyResult<Value> {
    let n = int_arg(vm, a, 1)?;
    if !(1..(1i64 << 47)).contains(&n) {
        return Err(vm.value_error("mt_randbelow: n out of range"));
    }
    let k = 64 - (n as u64).leading_zeros();
    let r = with_gen(vm, a, |g| {
        let mut r = g.bits(k) as i64;
        while r >= n {
            r = g.bits(k) as i64;
        }
        r
    })?;
    Ok(Value::small_int(r))
}
