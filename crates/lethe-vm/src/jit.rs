//! The runtime side of the native tier: tiering counters, compiling through
//! `lethe-jit`, entering native code (at a function's start or at a loop header —
//! on-stack replacement), the `exec` entry point native code calls for everything it
//! does not do inline, and deoptimisation.
//!
//! Native code executes an interpreter frame in place (see `lethe-jit`'s crate docs),
//! so every exit — a return, a deoptimisation, an exception — leaves a frame the
//! interpreter continues as if it had run all along. A deoptimisation records which
//! registers held heap objects where (the function's [`lethe_jit::Feedback`], counted
//! in the ledger's `feedback` category), drops the native code and lets the function
//! warm up again; it is recompiled with the wider kinds seen, at most
//! [`MAX_RECOMPILES`] times, then stays interpreted.
//!
//! Ownership (the design's first hard rule): a function's native code is held by its
//! code object and by every activation running it (`enter_native` holds a clone for
//! the duration of the call), so code dropped by a deoptimisation stays mapped until
//! the last activation running it has returned.

use crate::interp::Frame;
use crate::object::{CodeObj, FuncObj, ObjData};
use crate::{Value, Vm};
use lethe_jit::{codemem::CodeMap, decode_exit, Exit, Feedback, JitCtx};
use lethe_ledger::{Category, Counted};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicIsize, Ordering::Relaxed};

/// Calls before a function is compiled (`--jit-threshold`).
pub const DEFAULT_CALL_THRESHOLD: u32 = 100;
/// Loop iterations (back-edges) before a function is compiled and entered at the
/// loop header.
pub const DEFAULT_LOOP_THRESHOLD: u32 = 1000;
/// Collections without a call after which a function's bytecode is flushed.
pub const DEFAULT_FLUSH_AGE: u64 = 32;
/// Deoptimisations after which a function is no longer compiled.
pub const MAX_RECOMPILES: u32 = 8;
/// Native activations nested on the machine stack before calls are left to the
/// interpreter (whose frames live on the heap), so deep Python recursion never
/// overflows the machine stack.
pub const MAX_NATIVE_DEPTH: usize = 256;

/// How many functions are in each state: only their source span (compiled on first
/// call), bytecode, or native code. Code objects of module and class bodies count as
/// bytecode too. (For `--mem-report=json`.)
static FN_SOURCE: AtomicIsize = AtomicIsize::new(0);
static FN_BYTECODE: AtomicIsize = AtomicIsize::new(0);
static FN_NATIVE: AtomicIsize = AtomicIsize::new(0);

/// Set by the SIGUSR1 handler (`--shed-on-sigusr1`); the next call sheds.
static SHED_REQUESTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

extern "C" fn on_sigusr1(_: libc::c_int) {
    SHED_REQUESTED.store(true, Relaxed);
}

/// Make SIGUSR1 ask the runtime to shed everything it can rebuild (at the next call).
pub fn shed_on_sigusr1() {
    // SAFETY: the handler only stores to an atomic (async-signal-safe).
    unsafe {
        libc::signal(libc::SIGUSR1, on_sigusr1 as *const () as libc::sighandler_t);
    }
}

/// (source, bytecode, native) function counts.
pub fn function_states() -> (isize, isize, isize) {
    (
        FN_SOURCE.load(Relaxed),
        FN_BYTECODE.load(Relaxed),
        FN_NATIVE.load(Relaxed),
    )
}

/// A function stub was created (source only) / was compiled to bytecode / was dropped
/// before its first call.
pub fn note_source(delta: isize) {
    FN_SOURCE.fetch_add(delta, Relaxed);
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JitMode {
    Off,
    On,
    /// Compile every function on its first call and every loop on its first
    /// iteration (for testing the native tier on everything).
    Always,
}

/// How native code left a frame.
pub(crate) enum NativeOut {
    /// Continue interpreting at this offset.
    Resume(usize),
    /// The `return` at offset `pc` with the value in register `src`.
    Return { src: u32, pc: u32 },
}

/// Native code of one function.
pub struct Native {
    pub map: CodeMap,
    pub entries: Vec<u32>,
    /// Native code's own attribute inline caches (one per instruction offset).
    pub ic: crate::object::IcTable,
    /// The feedback the code was compiled with (its speculation; the deopt map):
    /// moved here from the code object when the code is installed, back on deopt.
    pub assumed: Feedback,
    /// The instructions the code hands to the runtime whole (`exec`), by offset:
    /// what lets the function run without its bytecode.
    pub exec: Vec<(u32, lethe_compiler::bytecode::Instr)>,
    /// The number of positional arguments a call may enter the code with directly
    /// (entry at offset 0; no defaults, cells, free variables, `*args`/`**kwargs`,
    /// keyword-only parameters; not a generator); `u32::MAX`: never.
    pub direct_argc: u32,
    /// True while this code is the function's current native code (frameless calls
    /// check it through their records).
    pub alive: Rc<Cell<bool>>,
}

/// A function's record for frameless calls from native code: where its native code,
/// context tables and window size are. Valid while `alive` (shared with the
/// `Native`) is true.
#[repr(C)]
pub struct Direct {
    pub rec: lethe_jit::DirectRec,
    alive: Rc<Cell<bool>>,
}

impl Native {
    fn new(map: CodeMap, entries: Vec<u32>) -> Native {
        Native {
            direct_argc: u32::MAX,
            alive: {
                let _d = lethe_ledger::scope(Category::Deopt);
                Rc::new(Cell::new(true))
            },
            map,
            entries,
            ic: crate::object::IcTable::empty(),
            assumed: Feedback::default(),
            exec: Vec::new(),
        }
    }
    /// The instruction at `pc`, if the code may hand it to the runtime.
    pub fn exec_instr(&self, pc: u32) -> Option<lethe_compiler::bytecode::Instr> {
        self.exec
            .binary_search_by_key(&pc, |e| e.0)
            .ok()
            .map(|i| self.exec[i].1)
    }
}

impl Native {
    fn entry(&self) -> lethe_jit::EntryFn {
        // SAFETY: the mapping holds a function compiled with the EntryFn signature
        // for this host, starting at its first byte; it stays mapped while self lives.
        unsafe { std::mem::transmute::<*const u8, lethe_jit::EntryFn>(self.map.ptr()) }
    }
    pub fn has_entry(&self, pc: u32) -> bool {
        self.entries.binary_search(&pc).is_ok()
    }
}

impl Drop for Native {
    fn drop(&mut self) {
        self.alive.set(false);
        lethe_ledger::record_mapped(Category::Native, -(self.map.mapped_len() as isize));
    }
}

/// Tiering state of a code object.
pub struct JitState {
    pub calls: Cell<u32>,
    pub backedges: Cell<u32>,
    /// Native code (its descriptor and entry table are counted in `deopt`).
    pub native: Counted<RefCell<Option<Rc<Native>>>>,
    pub feedback: Counted<RefCell<Feedback>>,
    pub recompiles: Cell<u32>,
    pub disabled: Cell<bool>,
    /// When native code was last entered (the VM's native clock), for the code budget.
    pub last_entry: Cell<u64>,
    /// Profiling (the last stretch before a compile): the interpreter marks in
    /// `profile` the offsets whose result was a heap object.
    pub profiling: Cell<bool>,
    /// This warm-up has been profiled (reset when the code is dropped).
    pub profiled: Cell<bool>,
    /// One bit per instruction (counted in `feedback`; empty when not profiling).
    pub profile: RefCell<Vec<u64>>,
    /// A background compile of this function is in flight or queued.
    pub waiting: Cell<bool>,
}

impl JitState {
    pub fn new() -> JitState {
        FN_BYTECODE.fetch_add(1, Relaxed);
        JitState {
            calls: Cell::new(0),
            backedges: Cell::new(0),
            native: Counted::new(Category::Deopt, RefCell::new(None)),
            feedback: Counted::new(Category::Feedback, RefCell::new(Feedback::default())),
            recompiles: Cell::new(0),
            disabled: Cell::new(false),
            last_entry: Cell::new(0),
            profiling: Cell::new(false),
            profiled: Cell::new(false),
            profile: RefCell::new(Vec::new()),
            waiting: Cell::new(false),
        }
    }

    /// The instruction at `pc` produced a heap object (while profiling).
    #[cold]
    pub fn note_object(&self, pc: usize) {
        if let Some(w) = self.profile.borrow_mut().get_mut(pc / 64) {
            *w |= 1 << (pc % 64);
        }
    }

    /// Start profiling a function of `n` instructions.
    fn start_profile(&self, n: usize) {
        let _g = lethe_ledger::scope(Category::Feedback);
        *self.profile.borrow_mut() = vec![0; n.div_ceil(64)];
        self.profiling.set(true);
        self.profiled.set(true);
    }

    /// Stop profiling and give back the bits (the offsets marked; the caller frees
    /// them in `feedback`).
    fn take_profile(&self) -> Vec<u64> {
        self.profiling.set(false);
        std::mem::take(&mut *self.profile.borrow_mut())
    }

    /// Stop profiling and free the bits.
    fn drop_profile(&self) {
        let bits = self.take_profile();
        let _g = lethe_ledger::scope(Category::Feedback);
        drop(bits);
    }
    pub fn native(&self) -> Option<Rc<Native>> {
        self.native.borrow().clone()
    }
    /// Drop the native code and start counting towards the next compile afresh.
    fn cool(&self) {
        self.invalidate();
        self.calls.set(0);
        self.backedges.set(0);
        self.profiled.set(false);
    }

    /// Drop this function's native code (running activations keep theirs).
    fn invalidate(&self) {
        let _g = lethe_ledger::scope(Category::Deopt);
        let old = self.native.borrow_mut().take();
        if let Some(n) = &old {
            n.alive.set(false);
        }
        if old.is_some() {
            FN_NATIVE.fetch_sub(1, Relaxed);
            FN_BYTECODE.fetch_add(1, Relaxed);
        }
        bury(old);
    }
}

impl Drop for JitState {
    fn drop(&mut self) {
        if self.native.borrow().is_some() {
            FN_NATIVE.fetch_sub(1, Relaxed);
        } else {
            FN_BYTECODE.fetch_sub(1, Relaxed);
        }
    }
}

/// The native tier's process-wide state: the compiler process (started on demand)
/// and the code cache.
#[derive(Default)]
pub struct JitRuntime {
    pub remote: Option<lethe_jit::remote::RemoteCompiler>,
    /// None: not opened yet; Some(None): no usable cache.
    pub cache: Option<Option<lethe_jit::cache::CodeCache>>,
    pub warned: bool,
    /// The compile in flight (background compiles, one at a time).
    pub pending: Option<PendingCompile>,
    /// Requests made while another was in flight, sent in turn.
    pub queue: std::collections::VecDeque<(Rc<CodeObj>, lethe_jit::JitInput, Option<String>)>,
    /// Ticks left before the next look for its answer.
    pub poll_in: u32,
}

/// Ticks (calls and loop back-edges counted by `jit_tick`) between two looks for
/// the answer of a background compile: a look is one `poll` system call.
const POLL_TICKS: u32 = 64;

/// What `produce_code` gives: the code (None: none can be had), or the key of a
/// request now in the compiler process's hands.
enum Produced {
    Ready(Option<Native>),
    Submitted(Option<String>),
    /// The compiler is busy with another request: this one is to be sent after it.
    Later(Option<String>),
}

/// A compile running in the compiler process while the function goes on
/// interpreted.
pub struct PendingCompile {
    co: Rc<CodeObj>,
    key: Option<String>,
    t0: std::time::Instant,
}

fn deopt_entries(e: &[u32]) -> Vec<u32> {
    let _d = lethe_ledger::scope(Category::Deopt);
    e.to_vec()
}

/// Counters for `--jit-stats`.
#[derive(Default, Debug, Clone)]
pub struct JitStats {
    pub flushed: u64,
    pub evicted: u64,
    pub over_budget: u64,
    pub sheds: u64,
    pub cache_hits: u64,
    pub cache_stores: u64,
    pub cache_rejected: u64,
    pub compiler_starts: u64,
    pub compiler_failures: u64,
    /// Compiles whose code arrived while the program ran on (`--jit-background`).
    pub background: u64,
    pub cold_start_us: u64,
    pub compile_us: u64,
    pub compiles: u64,
    pub rejected: u64,
    pub recompiles: u64,
    pub deopts_scalar_guard: u64,
    pub deopts_entry_guard: u64,
    pub depth_exits: u64,
    /// Frames made for frameless activations that needed the runtime.
    pub frameless_frames: u64,
    pub entries: u64,
    pub osr_entries: u64,
    pub code_bytes: u64,
    pub relocations: u64,
    pub inline_ops: u64,
    pub exec_ops: u64,
    /// Calls from native code into the runtime (every entry point).
    pub runtime_calls: u64,
    /// Functions whose bytecode was freed once native code covered them / whose
    /// bytecode was re-derived from source afterwards.
    pub bytecode_forgotten: u64,
    pub rederived: u64,
}

impl JitStats {
    pub fn to_json(&self) -> String {
        format!(
            "{{\"flushed\": {}, \"evicted\": {}, \"over_budget\": {}, \"sheds\": {}, \"cache\": {{\"hits\": {}, \"stores\": {}, \"rejected\": {}}}, \"compiler_process\": {{\"starts\": {}, \"failures\": {}, \"cold_start_us\": {}, \"background\": {}}}, \"compile_us\": {}, \"compiles\": {}, \"rejected\": {}, \"recompiles\": {}, \"deopts\": {{\"scalar_guard\": {}, \"entry_guard\": {}}}, \"depth_exits\": {}, \"native_entries\": {}, \"osr_entries\": {}, \"code_bytes\": {}, \"relocations\": {}, \"inline_ops\": {}, \"exec_ops\": {}, \"runtime_calls\": {}, \"frameless_frames\": {}, \"bytecode_forgotten\": {}, \"rederived\": {}}}",
            self.flushed,
            self.evicted,
            self.over_budget,
            self.sheds,
            self.cache_hits,
            self.cache_stores,
            self.cache_rejected,
            self.compiler_starts,
            self.compiler_failures,
            self.cold_start_us,
            self.background,
            self.compile_us,
            self.compiles,
            self.rejected,
            self.recompiles,
            self.deopts_scalar_guard,
            self.deopts_entry_guard,
            self.depth_exits,
            self.entries,
            self.osr_entries,
            self.code_bytes,
            self.relocations,
            self.inline_ops,
            self.exec_ops,
            self.runtime_calls,
            self.frameless_frames,
            self.bytecode_forgotten,
            self.rederived
        )
    }
}

/// Run `f` with the VM and code object behind a native call's context, then point
/// the context at the (possibly moved) register window again. A frameless
/// activation gets its frame first (see `Vm::materialize`).
///
/// # Safety
/// `ctx` must be the context `enter_native` built for the running native code.
unsafe fn with_vm(ctx: *mut JitCtx, f: impl FnOnce(&mut Vm, &CodeObj, usize, usize) -> u64) -> u64 {
    // SAFETY: the caller's contract.
    unsafe { with_vm_at(ctx, None, f) }
}

/// `with_vm` for an entry point that runs the instruction at `light` on values
/// alone: a frameless activation keeps running without a frame (the offset is
/// recorded for the frame it may get later; Python code the operation runs gets its
/// frames above the frameless windows, which the register stack then covers).
///
/// # Safety
/// As `with_vm`.
unsafe fn with_vm_at(
    ctx: *mut JitCtx,
    light: Option<u32>,
    f: impl FnOnce(&mut Vm, &CodeObj, usize, usize) -> u64,
) -> u64 {
    // SAFETY: native code passes back the context `enter_native` built: `vm` points
    // at the VM running it (which does not touch it meanwhile) and `code` at the code
    // object the frame keeps alive.
    let ctx = unsafe { &mut *ctx };
    let vm = unsafe { &mut *(ctx.vm as *mut Vm) };
    let co = unsafe { &*(ctx.code as *const CodeObj) };
    vm.stats.jit.runtime_calls += 1;
    if ctx.frame == lethe_jit::NO_FRAME {
        match light {
            Some(pc) => ctx.call_pc = pc as u64,
            // SAFETY: a frameless activation's context chain lives on the machine
            // stack of the native code running it.
            None => unsafe { vm.materialize(ctx, true) },
        }
    }
    // The register stack ends at this activation's window: the windows of a
    // frameless chain (initialised registers, within capacity) are covered; windows
    // above it are forgotten, not dropped: those of frameless callees that returned
    // hold no references, and that of a callee which left otherwise is taken over
    // by its frame (`h_call_done`).
    if vm.regs.len() != ctx.top {
        // SAFETY: see above.
        unsafe { vm.regs.set_len(ctx.top) };
    }
    let saved = std::mem::replace(
        &mut vm.native_ic,
        ctx.ic_table as *const crate::object::IcTable,
    );
    let guard = ctx.frame == lethe_jit::NO_FRAME;
    if guard {
        FRAMELESS_GUARD.with(|g| g.set(g.get() + 1));
    }
    let mut r = f(vm, co, ctx.frame, ctx.base);
    if crate::value::finalizers_pending() && r != lethe_jit::EXEC_EXC {
        // A finaliser queued by the instruction (a store freed an object with a
        // `__del__`) runs before native code goes on, as in the interpreter.
        vm.run_finalizers();
        if vm.jit_exc.is_some() {
            r = lethe_jit::EXEC_EXC;
        }
    }
    if guard {
        FRAMELESS_GUARD.with(|g| g.set(g.get() - 1));
    }
    vm.native_ic = saved;
    ctx.regs = vm.regs_window(ctx.base);
    vm.refresh_ctx(ctx);
    r
}

/// The entry point native code calls for an instruction it does not run inline.
unsafe extern "C" fn h_exec(ctx: *mut JitCtx, pc: u32, at: u32, _: u32, _: u32) -> u64 {
    // SAFETY: called by native code with its context; `native` is the code running,
    // which its activation keeps alive. `at` is the instruction's position in the
    // code's copy (checked).
    unsafe {
        let ins = ((*ctx).native as *const Native).as_ref().and_then(|n| {
            n.exec
                .get(at as usize)
                .filter(|e| e.0 == pc)
                .map(|e| e.1)
                .or_else(|| n.exec_instr(pc))
        });
        with_vm(ctx, |vm, _, fi, base| {
            if let Some(r) = ins.and_then(|i| vm.exec_direct(fi, base, pc, i)) {
                return r;
            }

            vm.exec_one(fi, base, pc)
        })
    }
}

/// One specialised entry point: the operation on pre-decoded operands, with the
/// frame's offset set for tracebacks and exceptions parked for native code.
macro_rules! helper {
    ($name:ident, $light:expr, |$vm:ident, $co:ident, $base:ident, $pc:ident, $a:ident, $b:ident, $c:ident| $body:expr) => {
        unsafe extern "C" fn $name(ctx: *mut JitCtx, $pc: u32, $a: u32, $b: u32, $c: u32) -> u64 {
            // SAFETY: called by native code with its context.
            unsafe {
                with_vm_at(ctx, $light.then_some($pc), |$vm, $co, fi, $base| {
                    if $vm.jit_depth > MAX_NATIVE_DEPTH {
                        return lethe_jit::EXEC_DEPTH;
                    }
                    if fi != lethe_jit::NO_FRAME {
                        $vm.frames[fi].pc = $pc + 1;
                    }
                    let _ = $c;
                    let r: crate::PyResult<u32> = $body;
                    match r {
                        Ok(p) => p as u64,
                        Err(e) => {
                            $vm.jit_exc = Some((e, false));
                            lethe_jit::EXEC_EXC
                        }
                    }
                })
            }
        }
    };
}

helper!(h_getattr, true, |vm, co, base, pc, obj, name, dst| {
    let o = vm.regs[base + obj as usize].clone();
    vm.getattr_cached(vm.native_ic_at(pc), &o, &co.names[name as usize])
        .map(|v| {
            vm.regs[base + dst as usize] = v;
            pc + 1
        })
});

helper!(h_setattr, true, |vm, co, base, pc, obj, name, src| {
    let o = vm.regs[base + obj as usize].clone();
    let v = vm.regs[base + src as usize].clone();
    vm.setattr_cached(vm.native_ic_at(pc), &o, &co.names[name as usize], v)
        .map(|_| pc + 1)
});

helper!(h_getitem, true, |vm, co, base, pc, obj, key, dst| {
    let _ = co;
    let o = vm.regs[base + obj as usize].clone();
    let k = vm.regs[base + key as usize].clone();
    vm.getitem(&o, &k).map(|v| {
        vm.regs[base + dst as usize] = v;
        pc + 1
    })
});

helper!(h_load_const, true, |vm, co, base, pc, dst, k, unused| {
    let _ = unused;
    vm.regs[base + dst as usize] = co.consts[k as usize].clone();
    return_ok(pc + 1)
});

helper!(h_setitem, true, |vm, co, base, pc, obj, key, src| {
    let _ = co;
    let o = vm.regs[base + obj as usize].clone();
    let k = vm.regs[base + key as usize].clone();
    let v = vm.regs[base + src as usize].clone();
    vm.setitem(&o, &k, v).map(|_| pc + 1)
});

/// `LoadGlobal` through the cache (a miss: the full lookup and a refill), with the
/// running function's globals — a frameless activation needs no frame for it.
unsafe extern "C" fn h_load_global(ctx: *mut JitCtx, pc: u32, dst: u32, name: u32, _: u32) -> u64 {
    // SAFETY: called by native code with its context; `func` is the running
    // function (held by its caller's register or its frame).
    unsafe {
        let func = (*ctx).func;
        with_vm_at(ctx, Some(pc), |vm, co, fi, base| {
            if vm.jit_depth > MAX_NATIVE_DEPTH {
                return lethe_jit::EXEC_DEPTH;
            }
            let g = if fi != lethe_jit::NO_FRAME {
                vm.frames[fi].pc = pc + 1;
                vm.frames[fi].globals.clone()
            } else {
                match Value::clone_from_bits(func).data() {
                    Some(ObjData::Func(f)) => f.globals.clone(),
                    _ => Value::NONE,
                }
            };
            match vm.load_global_in(co, &g, name) {
                Ok(v) => {
                    vm.regs[base + dst as usize] = v;
                    (pc + 1) as u64
                }
                Err(e) => {
                    vm.jit_exc = Some((e, false));
                    lethe_jit::EXEC_EXC
                }
            }
        })
    }
}

helper!(h_for_iter, true, |vm,
                           co,
                           base,
                           pc,
                           iter,
                           target,
                           unused| {
    let _ = (co, unused);
    // Counted loops over a range: the next int straight from the iterator's state.
    let step = match vm.regs[base + iter as usize].data() {
        Some(crate::object::ObjData::Iter(st)) => match &mut *st.borrow_mut() {
            crate::object::IterState::Range { cur, stop, step } => {
                let c = *cur;
                if (*step > 0 && c < *stop) || (*step < 0 && c > *stop) {
                    *cur = c + *step;
                    Some(Some(c))
                } else {
                    Some(None)
                }
            }
            _ => None,
        },
        _ => None,
    };
    match step {
        Some(Some(c)) => {
            vm.regs[base + iter as usize + 1] = vm.new_int(c);
            return_ok(pc + 1)
        }
        Some(None) => return_ok(target),
        None => {
            let it = vm.regs[base + iter as usize].clone();
            vm.next(&it).map(|v| match v {
                Some(v) => {
                    vm.regs[base + iter as usize + 1] = v;
                    pc + 1
                }
                None => target,
            })
        }
    }
});

helper!(h_move, true, |vm, co, base, pc, dst, src, unused| {
    let _ = (co, unused);
    vm.regs[base + dst as usize] = vm.regs[base + src as usize].clone();
    return_ok(pc + 1)
});

helper!(h_clear, true, |vm, co, base, pc, reg, u1, u2| {
    let _ = (co, u1, u2);
    // (A finaliser this queues runs as the runtime call returns: see `with_vm`.)
    vm.regs[base + reg as usize] = Value::UNBOUND;
    return_ok(pc + 1)
});

helper!(h_call, false, |vm, co, base, pc, func, argc, dst| {
    let _ = co;
    let f = vm.regs[base + func as usize].clone();
    vm.native_call(f, base, func as u16 + 1, argc as u16, base + dst as usize)
        .map(|_| pc + 1)
});

helper!(h_load_method, true, |vm, co, base, pc, obj, name, dst| {
    let o = vm.regs[base + obj as usize].clone();
    vm.load_method_at(vm.native_ic_at(pc), &o, &co.names[name as usize])
        .map(|(m, slf)| {
            vm.regs[base + dst as usize] = m;
            vm.regs[base + dst as usize + 1] = slf;
            pc + 1
        })
});

helper!(h_call_method, false, |vm, co, base, pc, mb, argc, dst| {
    let _ = co;
    let f = vm.regs[base + mb as usize].clone();
    let bound = !vm.regs[base + mb as usize + 1].is_unbound();
    let (start, n) = if bound {
        (mb as u16 + 1, argc as u16 + 1)
    } else {
        (mb as u16 + 2, argc as u16)
    };
    vm.native_call(f, base, start, n, base + dst as usize)
        .map(|_| pc + 1)
});

helper!(h_binary, true, |vm, co, base, pc, a, b, c| {
    let _ = co;
    let op = lethe_compiler::bytecode::BinOp::ALL[((c >> 16) & 0xFF) as usize];
    let dst = base + (c & 0xFFFF) as usize;
    let (ra, rb) = (base + a as usize, base + b as usize);
    // `s += t` on an unshared str: extended in place (see `str_append_in_place`).
    // (`s = s + t` into the same register too.)
    let appended =
        (c >> 24 != 0 || dst == ra) && op == lethe_compiler::bytecode::BinOp::Add && ra != rb && {
            let y = vm.regs[rb].clone();
            crate::value::str_append_in_place(&mut vm.regs[ra], &y)
        };
    if appended {
        if dst != ra {
            vm.regs[dst] = vm.regs[ra].clone();
        }
        return_ok(pc + 1)
    } else {
        let x = vm.regs[ra].clone();
        let y = vm.regs[rb].clone();
        let v = if c >> 24 != 0 {
            vm.inplace(op, &x, &y)
        } else {
            vm.binary(op, &x, &y)
        };
        v.map(|v| {
            vm.regs[dst] = v;
            pc + 1
        })
    }
});

fn return_ok(p: u32) -> crate::PyResult<u32> {
    Ok(p)
}

/// See `lethe_jit::Helper::NewInt64`: a leaf (it only allocates; an int is no
/// container, so no collection starts).
extern "C" fn h_new_int64(i: u64) -> u64 {
    let v = Value::new_obj(ObjData::Int64(i as i64));
    let bits = v.bits();
    std::mem::forget(v);
    bits
}

/// See `lethe_jit::Helper::FreeInt64`: a leaf (freeing a medium int runs no code).
extern "C" fn h_free_int64(bits: u64) -> u64 {
    // SAFETY: native code hands over its last reference to a medium int.
    drop(unsafe { std::mem::transmute::<u64, Value>(bits) });
    0
}

type LeafFn = extern "C" fn(u64) -> u64;

/// The table native code calls through, indexed by `lethe_jit::Helper`. (The leaf
/// entries are stored as the table's type; native code calls them with their own
/// signature.)
static HELPER_TABLE: [lethe_jit::ExecFn; lethe_jit::HELPERS] = [
    h_exec,
    h_getattr,
    h_setattr,
    h_getitem,
    h_setitem,
    h_load_global,
    h_for_iter,
    h_move,
    h_clear,
    h_call,
    h_load_method,
    h_call_method,
    h_load_const,
    h_call_done,
    h_construct,
    h_init_result,
    h_binary,
    // SAFETY: both are function pointers; native code calls these with `LeafFn`'s
    // signature, which is theirs.
    unsafe { std::mem::transmute::<LeafFn, lethe_jit::ExecFn>(h_new_int64) },
    unsafe { std::mem::transmute::<LeafFn, lethe_jit::ExecFn>(h_free_int64) },
];

/// See `lethe_jit::Helper::Construct`.
unsafe extern "C" fn h_construct(ctx: *mut JitCtx, pc: u32, func: u32, argc: u32, dst: u32) -> u64 {
    // SAFETY: called by native code with its context.
    unsafe {
        let (depth, limit, top, floor) =
            ((*ctx).depth, (*ctx).limit, (*ctx).top, (*ctx).stack_floor);
        with_vm_at(ctx, Some(pc), |vm, _co, _fi, base| {
            let f = vm.regs[base + func as usize].clone();
            let Some(ObjData::Type(t)) = f.data() else {
                return 0;
            };
            if t.builtin || t.layout != crate::object::Layout::Object {
                return 0;
            }
            let (e, bits) = t.ctor.get();
            if e != crate::types::type_epoch() || bits == 0 {
                return 0;
            }
            // SAFETY: see `TypeObj::ctor` (the class holds the function while the
            // epoch is unchanged).
            let init = Value::clone_from_bits(bits);
            let Some(ObjData::Func(fo)) = init.data() else {
                return 0;
            };
            let d = fo.direct.get();
            if d.is_null() {
                return 0;
            }
            let rec = &(*d).rec;
            let probe = 0u8;
            if *rec.alive == 0
                || rec.argc != argc as u64 + 1
                || depth >= limit
                || top + rec.nregs as usize > vm.regs.capacity()
                || (std::ptr::addr_of!(probe) as u64) < floor.saturating_add(64 << 10)
            {
                return 0;
            }
            vm.regs[base + dst as usize] = vm.new_instance(&f);
            d as u64
        })
    }
}

/// See `lethe_jit::Helper::InitResult`.
unsafe extern "C" fn h_init_result(ctx: *mut JitCtx, pc: u32, _a: u32, _b: u32, _c: u32) -> u64 {
    // SAFETY: called by native code with its context; `result` holds a reference.
    unsafe {
        let v = Value::from_owned_bits((*ctx).result);
        with_vm(ctx, |vm, _co, fi, _base| {
            vm.frames[fi].pc = pc + 1;
            let tn = vm.type_name(&v);
            drop(v);
            let e = vm.type_error(&format!("__init__() should return None, not '{tn}'"));
            vm.jit_exc = Some((e, false));
            lethe_jit::EXEC_EXC
        })
    }
}

thread_local! {
    /// Runtime calls in progress for frameless activations (whose code no frame
    /// holds): while any is, no code is dropped or flushed.
    static FRAMELESS_GUARD: Cell<u32> = const { Cell::new(0) };
    /// Native code dropped meanwhile, kept until no native code runs.
    static GRAVEYARD: RefCell<Vec<Rc<Native>>> = const { RefCell::new(Vec::new()) };
}

fn frameless_guarded() -> bool {
    FRAMELESS_GUARD.with(|g| g.get()) > 0
}

/// Drop native code (in the `deopt` category) — or keep it in the graveyard while a
/// frameless activation might be running it.
fn bury(n: Option<Rc<Native>>) {
    let Some(n) = n else { return };
    let _d = lethe_ledger::scope(Category::Deopt);
    if frameless_guarded() {
        GRAVEYARD.with(|g| g.borrow_mut().push(n));
    } else {
        drop(n);
    }
}

/// The lowest machine-stack address frameless calls may use: they nest on the
/// machine stack (each a few hundred bytes), leaving the runtime below it the
/// bottom quarter of this thread's stack, and at least 256 KiB.
fn stack_floor() -> u64 {
    // SAFETY: plain queries of this thread's attributes.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        let mut lo: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let ok = libc::pthread_getattr_np(libc::pthread_self(), &mut attr) == 0
            && libc::pthread_attr_getstack(&attr, &mut lo, &mut size) == 0;
        libc::pthread_attr_destroy(&mut attr);
        if ok {
            lo as u64 + (size as u64 / 4).max(256 << 10)
        } else {
            // Unknown: no frameless calls.
            u64::MAX
        }
    }
}

/// Frames made for frameless activations that needed the runtime cost more than
/// the calls save: a function whose activations need a frame on more than one in
/// eight calls (after a few) is no longer called frameless, for a few thousand calls
/// (or until its code changes).
fn note_materialized(func: u64) {
    // SAFETY: the bits are the running function's (its caller's register holds it).
    let f = unsafe { Value::clone_from_bits(func) };
    if let Some(ObjData::Func(fo)) = f.data() {
        let d = fo.direct.get();
        if !d.is_null() {
            // SAFETY: the record is owned by the function object, alive here.
            let r = unsafe { &mut (*d).rec };
            r.mats += 1;
            if r.mats >= 32 && r.mats * 8 > r.calls {
                (r.argc, r.calls) = (u64::MAX, 0);
            }
        }
    }
}

/// The end of a frameless call that did not return plainly (`JitCtx::callee`, how
/// it left in `callee_exit`): the callee gets its frame (the caller has one by now,
/// see `with_vm`) and is finished as a call from native code; the result goes to
/// `dst`.
unsafe extern "C" fn h_call_done(ctx: *mut JitCtx, pc: u32, _a: u32, _b: u32, dst: u32) -> u64 {
    // SAFETY: called by native code with its context; `callee` is the context it
    // built for the call, still on its stack.
    unsafe {
        let (callee, exit) = ((*ctx).callee, (*ctx).callee_exit);
        // (A deopt is passing: it does not count against frameless calls.)
        let deopt = matches!(
            decode_exit(exit),
            Exit::Deopt { .. } | Exit::EntryDeopt { .. }
        );
        if deopt && (*ctx).frame == lethe_jit::NO_FRAME {
            let vm = &mut *((*ctx).vm as *mut Vm);
            vm.materialize(ctx, false);
        }
        with_vm(ctx, |vm, _co, fi, base| {
            vm.frames[fi].pc = pc + 1;
            // The callee's window (left in place above this one's) is its frame's.
            vm.regs.set_len((*callee).top);
            if (*callee).frame == lethe_jit::NO_FRAME {
                vm.materialize(callee, !deopt);
            }
            let (cfi, nbase) = ((*callee).frame, (*callee).base);
            let cco = vm.frames[cfi].code.clone();
            let out = vm.native_exit(&cco, nbase, exit, (*callee).native as *const Native);
            let r = vm.finish_native_call(cfi, nbase, base + dst as usize, out);
            vm.release_holds();
            match r {
                Ok(()) => (pc + 1) as u64,
                Err(e) => {
                    vm.jit_exc = Some((e, false));
                    lethe_jit::EXEC_EXC
                }
            }
        })
    }
}

impl Vm {
    fn regs_window(&mut self, base: usize) -> *mut u64 {
        // SAFETY: base is the start of a live frame's window inside `regs`; Value is a
        // transparent u64.
        unsafe { self.regs.as_mut_ptr().add(base) as *mut u64 }
    }

    /// Count a call (at offset 0) or a back-edge to `pc` and compile when hot.
    /// Returns the native code if the function has some.
    pub(crate) fn jit_tick(&mut self, co: &Rc<CodeObj>, base: usize, pc: u32, loop_edge: bool) {
        let j = &co.jit;
        if j.disabled.get() || j.native.borrow().is_some() {
            return;
        }
        let (count, threshold) = if loop_edge {
            let n = j.backedges.get().saturating_add(1);
            j.backedges.set(n);
            (n, self.opts.jit_loop_threshold)
        } else {
            let n = j.calls.get().saturating_add(1);
            j.calls.set(n);
            (n, self.opts.jit_threshold)
        };
        if self.jitrt.pending.is_some() {
            // While a compile is in the compiler's hands, look for its answer now and
            // then (requests made meanwhile are queued, see `Produced::Later`).
            if self.jitrt.poll_in == 0 {
                self.jitrt.poll_in = POLL_TICKS;
                self.poll_compile(false);
            } else {
                self.jitrt.poll_in -= 1;
            }
        }
        if j.waiting.get() || j.disabled.get() || j.native.borrow().is_some() {
            return;
        }
        if count >= threshold {
            // The last quarter of the warm-up is profiled: what the interpreter sees
            // then becomes the code's feedback (`note_object`), so that the first
            // compile seldom has to learn by deoptimising.
            if !j.profiled.get() && threshold >= 8 && self.opts.jit == JitMode::On {
                let n = co.bytecode.borrow().as_ref().map(|b| b.instrs.len());
                if let Some(n) = n {
                    j.start_profile(n);
                    let back = threshold - threshold / 4;
                    if loop_edge {
                        j.backedges.set(back);
                    } else {
                        j.calls.set(back);
                    }
                    return;
                }
            }
            self.jit_compile(co, base, pc);
        }
    }

    fn jit_compile(&mut self, co: &Rc<CodeObj>, base: usize, pc: u32) {
        let j = &co.jit;
        // A generator is compiled (unless every function is) only when it has a loop
        // that runs without yielding: see `lethe_jit::has_loop_without_yield`.
        if co.code.flags.generator && self.opts.jit == JitMode::On {
            let busy = match self.bytecode(co) {
                Ok(code) => lethe_jit::has_loop_without_yield(&code.instrs),
                Err(_) => false,
            };
            if !busy {
                self.stats.jit.rejected += 1;
                j.disabled.set(true);
                j.drop_profile();
                return;
            }
        }
        let nregs = co.code.nregs as usize;
        let profile = j.take_profile();
        {
            // What this activation holds right now is what the code will see here.
            let _g = lethe_ledger::scope(Category::Feedback);
            let mut fb = j.feedback.borrow_mut();
            for r in 0..nregs {
                if self.regs.get(base + r).is_some_and(|v| v.is_ptr()) {
                    fb.entry.insert((pc, r as u16));
                }
            }
            // Compiled at a loop header: parameters holding objects now are taken
            // to hold objects on the next call too.
            if pc != 0 {
                for r in 0..co.code.params.count().min(nregs) {
                    if self.regs.get(base + r).is_some_and(|v| v.is_ptr()) {
                        fb.entry.insert((0, r as u16));
                    }
                }
            }
        }
        let Ok(bytecode) = self.bytecode(co) else {
            j.disabled.set(true);
            return;
        };
        {
            // What the caches saw: closure variables holding objects now, attribute
            // reads that found objects, calls of a global that is a class (other than
            // the scalar ones) — their results are kept in memory.
            use crate::object::ObjData;
            use lethe_compiler::bytecode::Instr;
            let _g = lethe_ledger::scope(Category::Feedback);
            let mut fb = j.feedback.borrow_mut();
            let ic = co.attr_cache.borrow();
            let gc = co.global_cache.borrow();
            let keys = self
                .frames
                .last()
                .and_then(|f| self.global_versions(&f.globals));
            let t = &self.t;
            // The instruction that last assigned each register (in offset order).
            let mut last_def: Vec<Option<Instr>> = vec![None; nregs];
            // The built-in (intrinsic number) each register holds, where known.
            let mut builtin_in: Vec<u8> = vec![0; nregs];
            for (pc, ins) in bytecode.instrs.iter().enumerate() {
                let object = match *ins {
                    Instr::LoadDeref { cell, .. } => matches!(
                        self.regs.get(base + cell as usize).and_then(|c| c.data()),
                        Some(ObjData::Cell(c)) if c.borrow().is_ptr()
                    ),
                    Instr::GetAttr { .. } => ic
                        .as_ref()
                        .and_then(|t| t.group(pc))
                        .is_some_and(|g| g.iter().any(|e| e.get().next == 1)),
                    Instr::Call { func, .. } => match last_def.get(func as usize) {
                        Some(Some(Instr::LoadGlobal { name, .. })) => {
                            gc.get(*name as usize).is_some_and(|e| {
                                // SAFETY: the value slot is read only when the
                                // tables' keys are unchanged (it is where it was).
                                keys == Some((e.globals, e.gver, e.bver)) && {
                                    let v = unsafe { &*(e.bits as *const Value) };
                                    matches!(v.data(), Some(ObjData::Type(_)))
                                        && !(v.is(&t.int) || v.is(&t.float) || v.is(&t.bool_))
                                }
                            })
                        }
                        _ => false,
                    },
                    _ => false,
                };
                if let Instr::Call { func, argc: 1, .. }
                | Instr::CallMethod {
                    base: func,
                    argc: 1,
                    ..
                } = *ins
                {
                    let n = builtin_in.get(func as usize).copied().unwrap_or(0);
                    if n != 0 {
                        fb.intrinsic.insert((pc as u32, n));
                    }
                }
                if let Instr::GetAttr { obj, .. } | Instr::LoadMethod { obj, .. } = *ins {
                    if let Some(Some(Instr::LoadGlobal { name, .. })) = last_def.get(obj as usize) {
                        if matches!(
                            self.peek_global(co, *name).as_ref().and_then(|m| m.data()),
                            Some(ObjData::Module(_))
                        ) {
                            fb.module_attr.insert(pc as u32);
                        }
                    }
                }
                let object = object
                    || profile
                        .get(pc / 64)
                        .is_some_and(|w| w & (1 << (pc % 64)) != 0);
                if let Some(d) = lethe_jit::defined_register(ins) {
                    let n = self.intrinsic_of(co, &last_def, ins);
                    if let Some(slot) = builtin_in.get_mut(d as usize) {
                        *slot = n;
                    }
                    if object {
                        fb.after.insert((pc as u32, d));
                    }
                    if let Some(slot) = last_def.get_mut(d as usize) {
                        *slot = Some(*ins);
                    }
                }
            }
        }
        {
            let _g = lethe_ledger::scope(Category::Feedback);
            drop(profile);
        }
        let result = {
            let _g = lethe_ledger::scope(Category::Compiler);
            let fb = j.feedback.borrow();
            let input = lethe_jit::JitInput::new(&bytecode, &fb, object_layout());
            self.frameless =
                input.layout.func_direct != 0 && std::env::var_os("LETHE_NO_FRAMELESS").is_none();
            if self.stack_floor == u64::MAX {
                self.stack_floor = stack_floor();
            }
            drop(fb);
            match self.produce_code(co, &input) {
                Produced::Ready(n) => n,
                Produced::Submitted(key) => {
                    // Compiling in the background: the function goes on interpreted
                    // and gets its code when the answer comes (`poll_compile`).
                    j.waiting.set(true);
                    self.set_pending(co.clone(), key);
                    return;
                }
                Produced::Later(key) => {
                    // Another compile is in flight: this request, as made now (so
                    // that it does not depend on how long that one takes), waits.
                    j.waiting.set(true);
                    // (The queue itself is the runtime's; the request stays counted
                    // as compiler memory until it is sent.)
                    let _r = lethe_ledger::scope(Category::Runtime);
                    self.jitrt.queue.push_back((co.clone(), input, key));
                    return;
                }
            }
        };
        drop(bytecode);
        self.install_native(co, result);
    }

    /// `co`'s request is now the one in the compiler's hands.
    fn set_pending(&mut self, co: Rc<CodeObj>, key: Option<String>) {
        let _r = lethe_ledger::scope(Category::Runtime);
        self.jitrt.pending = Some(PendingCompile {
            co,
            key,
            t0: std::time::Instant::now(),
        });
    }

    /// The program is ending: the compile in flight is abandoned (its server
    /// stopped, not waited for) and the requests queued are dropped, so no compiler
    /// memory or process outlives it.
    pub fn abandon_compiles(&mut self) {
        // (The server's handle is the runtime's; the request was compiler memory.)
        let req = {
            let _r = lethe_ledger::scope(Category::Runtime);
            self.jitrt.remote.as_mut().and_then(|r| r.abandon())
        };
        let _g = lethe_ledger::scope(Category::Compiler);
        drop(req);
        if let Some(p) = self.jitrt.pending.take() {
            p.co.jit.waiting.set(false);
        }
        let mut queue = std::mem::take(&mut self.jitrt.queue);
        for (co, input, key) in queue.drain(..) {
            co.jit.waiting.set(false);
            drop((input, key));
        }
        drop(_g);
        // (The queue's own buffer is the runtime's.)
        let _r = lethe_ledger::scope(Category::Runtime);
        drop(queue);
    }

    /// Check (without waiting, or waiting with `wait`) for the answer to the
    /// compile in flight, and install its code.
    pub(crate) fn poll_compile(&mut self, wait: bool) {
        let Some(remote) = self.jitrt.remote.as_mut() else {
            return;
        };
        let Some(r) = ({
            let _g = lethe_ledger::scope(Category::Compiler);
            remote.poll(wait)
        }) else {
            return;
        };
        let Some(p) = self.jitrt.pending.take() else {
            return;
        };
        let compiled = self.remote_result(r);
        let native = {
            let _g = lethe_ledger::scope(Category::Compiler);
            compiled.and_then(|c| self.finish_compile(&p.co, c, p.key, p.t0))
        };
        if native.is_some() {
            self.stats.jit.background += 1;
        }
        p.co.jit.waiting.set(false);
        self.install_native(&p.co, native);
        // The next request waiting, if any, goes to the compiler.
        while let Some((co, input, key)) = self.jitrt.queue.pop_front() {
            let _g = lethe_ledger::scope(Category::Compiler);
            let sent = match self.jitrt.remote.as_mut() {
                Some(remote) => remote.submit(&input),
                None => Err(lethe_jit::remote::RemoteError::Failed("no compiler".into())),
            };
            drop(input);
            match sent {
                Ok(()) => {
                    self.set_pending(co, key);
                    return;
                }
                Err(e) => {
                    let _ = self.remote_result(Err(e));
                    co.jit.waiting.set(false);
                    self.install_native(&co, None);
                }
            }
        }
    }

    /// Install freshly produced native code for `co` (None: the compile failed, the
    /// function stays interpreted), then forget its bytecode.
    fn install_native(&mut self, co: &Rc<CodeObj>, result: Option<Native>) {
        let j = &co.jit;
        if self.opts.jit_inproc {
            lethe_jit::codemem::trim_heap();
        }
        let Ok(bytecode) = self.bytecode(co) else {
            j.disabled.set(true);
            return;
        };
        match result {
            Some(mut native) => {
                let size = native.map.mapped_len();
                if let Some(max) = self.opts.max_code {
                    if size > max {
                        // Larger than the whole budget: stays interpreted.
                        let _d = lethe_ledger::scope(Category::Deopt);
                        drop(native);
                        self.stats.jit.over_budget += 1;
                        j.disabled.set(true);
                        return;
                    }
                    self.evict_native(max - size);
                }
                lethe_ledger::record_mapped(Category::Native, size as isize);
                j.last_entry.set(self.native_clock);
                {
                    let _r = lethe_ledger::scope(Category::Runtime);
                    self.native_lru.push(Rc::downgrade(co));
                }
                {
                    // The speculation and the caches go with the code (deopt map).
                    let _d = lethe_ledger::scope(Category::Deopt);
                    native.assumed = j.feedback.borrow().clone();
                    native.exec = bytecode
                        .instrs
                        .iter()
                        .enumerate()
                        .filter(|(_, i)| lethe_jit::may_exec(i))
                        .map(|(pc, i)| (pc as u32, *i))
                        .collect();
                    native.ic = crate::object::IcTable::new(&bytecode.instrs);
                    let (c, p) = (&co.code, &co.code.params);
                    if native.has_entry(0)
                        && !c.flags.generator
                        && p.kwonly.is_empty()
                        && p.varargs.is_none()
                        && p.varkw.is_none()
                        && c.cell_regs.is_empty()
                        && c.free_regs.is_empty()
                    {
                        native.direct_argc = p.positional.len() as u32;
                    }
                    if let Some(t) = &*co.attr_cache.borrow() {
                        for (d, s) in native.ic.entries.iter().zip(t.entries.iter()) {
                            d.set(s.get());
                        }
                    }
                }
                {
                    let _d = lethe_ledger::scope(Category::Deopt);
                    if j.native.borrow().is_none() {
                        FN_BYTECODE.fetch_sub(1, Relaxed);
                        FN_NATIVE.fetch_add(1, Relaxed);
                    }
                    let old = j.native.borrow_mut().replace(Rc::new(native));
                    bury(old);
                }
                self.forget_bytecode(co);
            }
            None => {
                self.stats.jit.rejected += 1;
                j.disabled.set(true);
            }
        }
    }

    /// Native code for `input`: from the code cache, or compiled (in this process or
    /// by the compiler process) and then stored in the cache and mapped from it —
    /// or, compiling in the background, the request sent (`Produced::Submitted`).
    /// Runs in the `compiler` ledger category; returns a descriptor built in `deopt`.
    fn produce_code(&mut self, co: &CodeObj, input: &lethe_jit::JitInput) -> Produced {
        self.open_code_cache();
        let key = self
            .jitrt
            .cache
            .as_ref()
            .and_then(|c| c.as_ref())
            .map(|_| lethe_jit::cache::key(input, env!("CARGO_PKG_VERSION")));
        if let (Some(Some(cache)), Some(k)) = (&self.jitrt.cache, &key) {
            match cache.load(k) {
                Ok(Some(hit)) => {
                    self.stats.jit.cache_hits += 1;
                    let entries = deopt_entries(&hit.entries);
                    return Produced::Ready(Some(Native::new(hit.map, entries)));
                }
                Ok(None) => {}
                Err(why) => {
                    // Never executed: reported, removed, replaced below.
                    self.stats.jit.cache_rejected += 1;
                    if self.opts.jit_stats {
                        eprintln!("lethe: code cache: ignored {k}.code ({why})");
                    }
                    cache.remove(k);
                }
            }
        }
        if jit_log() && std::env::var_os("LETHE_JIT_LOG").is_some_and(|v| v == "2") {
            eprintln!("lethe-jit: compiling {}", co.code.qualname);
            for (pc, ins) in input.instrs.iter().enumerate() {
                eprintln!("lethe-jit:   {pc:4} {ins:?}");
            }
            eprintln!("lethe-jit:   feedback {:?}", input.feedback);
            eprintln!("lethe-jit:   layout {:?}", input.layout);
        }
        let t0 = std::time::Instant::now();
        let compiled = if self.opts.jit_inproc {
            lethe_jit::compile(input).map_err(|e| e.0).ok()
        } else {
            let background = self.opts.jit_background && self.opts.jit == JitMode::On;
            let remote = self.jitrt.remote.get_or_insert_with(|| {
                let _r = lethe_ledger::scope(Category::Runtime);
                let exe = std::env::current_exe().unwrap_or_else(|_| "lethe".into());
                lethe_jit::remote::RemoteCompiler::new(exe, self.opts.jit_idle_secs)
            });
            if background && remote.busy() {
                return Produced::Later(key);
            }
            let starts = remote.starts;
            let started = {
                // The stub that starts and feeds the compiler process stays; its
                // few bytes are runtime, not compiler, memory.
                let _r = lethe_ledger::scope(Category::Runtime);
                remote.ensure_started()
            };
            let r = match started {
                Ok(()) if background => match remote.submit(input) {
                    Ok(()) => None,
                    Err(e) => Some(Err(e)),
                },
                Ok(()) => Some(remote.compile(input)),
                Err(e) => Some(Err(lethe_jit::remote::RemoteError::Failed(format!(
                    "cannot start: {e}"
                )))),
            };
            if remote.starts != starts {
                self.stats.jit.compiler_starts += 1;
            }
            match r {
                None => return Produced::Submitted(key),
                Some(r) => self.remote_result(r),
            }
        };
        Produced::Ready(compiled.and_then(|c| self.finish_compile(co, c, key, t0)))
    }

    /// The code of a compile by the compiler process (None: rejected or failed; a
    /// failure is counted and reported once).
    fn remote_result(
        &mut self,
        r: Result<lethe_jit::Compiled, lethe_jit::remote::RemoteError>,
    ) -> Option<lethe_jit::Compiled> {
        if let Some(remote) = &self.jitrt.remote {
            if self.stats.jit.compiler_starts > 0 && remote.last_cold_ns != 0 {
                self.stats.jit.cold_start_us = remote.last_cold_ns / 1000;
            }
        }
        match r {
            Ok(c) => Some(c),
            Err(lethe_jit::remote::RemoteError::Rejected(_)) => None,
            Err(lethe_jit::remote::RemoteError::Failed(e)) => {
                self.stats.jit.compiler_failures += 1;
                if !self.jitrt.warned {
                    self.jitrt.warned = true;
                    eprintln!(
                        "lethe: warning: the JIT compiler process failed ({e}); continuing interpreted"
                    );
                }
                None
            }
        }
    }

    /// Compiled code into the cache and mapped from it (file-backed, shareable);
    /// without a cache, from an anonymous file.
    fn finish_compile(
        &mut self,
        co: &CodeObj,
        c: lethe_jit::Compiled,
        key: Option<String>,
        t0: std::time::Instant,
    ) -> Option<Native> {
        self.stats.jit.compile_us += t0.elapsed().as_micros() as u64;
        self.stats.jit.compiles += 1;
        self.stats.jit.code_bytes += c.code.len() as u64;
        self.stats.jit.relocations += c.relocs as u64;
        self.stats.jit.inline_ops += c.inline_ops as u64;
        self.stats.jit.exec_ops += c.exec_ops as u64;
        if jit_log() {
            eprintln!(
                "lethe-jit: compiled {} ({} bytes, {} instructions inline, {} handed to the runtime)",
                co.code.qualname,
                c.code.len(),
                c.inline_ops,
                c.exec_ops
            );
        }
        if let Some(dir) = std::env::var_os("LETHE_JIT_DUMP") {
            // For tests: the exact bytes, to compare across processes.
            let name = format!("{}-{}.bin", co.code.qualname, co.code.first_line);
            let _ = std::fs::write(std::path::Path::new(&dir).join(name), &c.code);
        }
        if let (Some(Some(cache)), Some(k)) = (&self.jitrt.cache, &key) {
            if cache.store(k, &c).is_ok() {
                self.stats.jit.cache_stores += 1;
                if let Ok(Some(hit)) = cache.load(k) {
                    let entries = deopt_entries(&hit.entries);
                    return Some(Native::new(hit.map, entries));
                }
            }
        }
        let map = CodeMap::new(&c.code, c.align).ok()?;
        let entries = deopt_entries(&c.entries);
        Some(Native::new(map, entries))
    }

    fn open_code_cache(&mut self) {
        if self.jitrt.cache.is_some() {
            return;
        }
        let _r = lethe_ledger::scope(Category::Runtime);
        let dir = match &self.opts.code_cache {
            crate::CodeCacheOpt::Off => None,
            crate::CodeCacheOpt::Dir(d) => Some(d.clone()),
            crate::CodeCacheOpt::Default => lethe_jit::cache::default_dir(),
        };
        let cache = dir.and_then(|d| lethe_jit::cache::CodeCache::open(&d).ok());
        self.jitrt.cache = Some(cache);
    }

    /// The code budget (`--max-code`): unmap the least recently entered native code
    /// until at most `room` bytes are mapped. Unmapped code stays in the cache file;
    /// its function runs interpreted until it is hot again. Code still running in an
    /// activation stays mapped until that activation leaves.
    fn evict_native(&mut self, room: usize) {
        if frameless_guarded() {
            return;
        }
        let mut lru = std::mem::take(&mut self.native_lru);
        lru.retain(|w| {
            w.upgrade()
                .is_some_and(|co| co.jit.native.borrow().is_some())
        });
        lru.sort_by_key(|w| w.upgrade().map(|co| co.jit.last_entry.get()).unwrap_or(0));
        let mut i = 0;
        while lethe_ledger::current(Category::Native).max(0) as usize > room && i < lru.len() {
            if let Some(co) = lru[i].upgrade() {
                co.jit.cool();
                self.stats.jit.evicted += 1;
            }
            i += 1;
        }
        lru.drain(..i);
        if !self.native_lru.is_empty() {
            let _r = lethe_ledger::scope(Category::Runtime);
            lru.append(&mut self.native_lru);
        }
        self.native_lru = lru;
    }

    /// Shed everything the runtime can rebuild (`lethe.shed()`, or SIGUSR1 with
    /// `--shed-on-sigusr1`): all native code is unmapped (it stays in the cache), the
    /// bytecode and feedback of every function not running is dropped back to its
    /// source span, the compiler process is stopped, free heap is returned to the
    /// operating system. Returns the bytes the ledger no longer holds.
    pub fn shed(&mut self) -> isize {
        if frameless_guarded() {
            // (Later: a frameless activation may be running code it would drop.)
            SHED_REQUESTED.store(true, Relaxed);
            return 0;
        }
        let before = lethe_ledger::total();
        self.stats.jit.sheds += 1;
        let lru = std::mem::take(&mut self.native_lru);
        for w in &lru {
            if let Some(co) = w.upgrade() {
                co.jit.cool();
            }
        }
        {
            let _r = lethe_ledger::scope(Category::Runtime);
            drop(lru);
        }
        let age = self.opts.flush_age;
        self.opts.flush_age = 1;
        let e = crate::gc::epoch() + 1;
        self.flush_cold(e);
        self.opts.flush_age = age;
        if let Some(r) = self.jitrt.remote.take() {
            let _r = lethe_ledger::scope(Category::Runtime);
            drop(r);
        }
        lethe_jit::codemem::trim_heap();
        before - lethe_ledger::total()
    }

    /// A call of `co` begins: it is in use in this collection epoch, and once per
    /// epoch the cold functions are flushed.
    #[inline]
    pub(crate) fn note_call(&mut self, co: &CodeObj) {
        if SHED_REQUESTED.load(Relaxed) {
            SHED_REQUESTED.store(false, Relaxed);
            self.shed();
        }
        let e = crate::gc::epoch();
        co.last_used.set(e);
        if e != self.flush_epoch {
            self.flush_epoch = e;
            self.flush_cold(e);
        }
    }

    /// Bytecode flushing: drop the bytecode (with feedback and native code) of
    /// functions not called for `flush_age` collections; they go back to their source
    /// span and are compiled again on their next call. Activations still running such
    /// code keep it (they hold their own reference).
    pub(crate) fn flush_cold(&mut self, epoch: u64) {
        let age = self.opts.flush_age;
        if age == 0 || frameless_guarded() {
            return;
        }
        let mut flushed = 0;
        let mut regs = std::mem::take(&mut self.flushable);
        regs.retain(|w| {
            let Some(cell) = w.upgrade() else {
                return false;
            };
            let cold = cell
                .borrow()
                .as_ref()
                .is_some_and(|co| epoch.saturating_sub(co.last_used.get()) >= age);
            if cold {
                let _b = lethe_ledger::scope(Category::Bytecode);
                let old = cell.borrow_mut().take();
                drop(old);
                note_source(1);
                flushed += 1;
            }
            true
        });
        if self.flushable.is_empty() {
            self.flushable = regs;
        } else {
            // Registered while flushing (cannot happen: nothing compiles here).
            let _r = lethe_ledger::scope(Category::Runtime);
            regs.append(&mut self.flushable);
            self.flushable = regs;
        }
        self.stats.jit.flushed += flushed;
    }

    /// Whether the compiler process is running (for tests and `--jit-stats`).
    pub fn compiler_process_alive(&mut self) -> bool {
        self.jitrt.remote.as_mut().is_some_and(|r| r.alive())
    }

    /// Run native code for the frame `fi` from `pc`. Ok(Resume(offset)): continue
    /// interpreting there; Ok(Return): the frame returns the value in a register;
    /// Err: an exception to unwind.
    pub(crate) fn enter_native(
        &mut self,
        co: &Rc<CodeObj>,
        nat: Rc<Native>,
        fi: usize,
        base: usize,
        pc: u32,
    ) -> Result<NativeOut, (Value, bool)> {
        self.stats.jit.entries += 1;
        if self.jit_depth == 0 {
            // No native code runs: what was kept for frameless activations goes.
            let dead = GRAVEYARD.with(|g| std::mem::take(&mut *g.borrow_mut()));
            if !dead.is_empty() {
                let _d = lethe_ledger::scope(Category::Deopt);
                drop(dead);
            }
        }
        self.native_clock += 1;
        co.jit.last_entry.set(self.native_clock);
        if pc != 0 {
            self.stats.jit.osr_entries += 1;
        }
        let mut ctx = JitCtx {
            regs: self.regs_window(base),
            helpers: &HELPER_TABLE,
            vm: self as *mut Vm as *mut std::ffi::c_void,
            code: Rc::as_ptr(co) as *const std::ffi::c_void,
            base,
            frame: fi,
            ic: nat.ic.as_ptr(),
            type_epoch: crate::types::type_epoch_ptr(),
            gcache: std::ptr::null(),
            globals: 0,
            gver: &NO_VERSION,
            bver: &NO_VERSION,
            ic_table: &nat.ic as *const crate::object::IcTable as *const std::ffi::c_void,
            native: Rc::as_ptr(&nat) as *const std::ffi::c_void,
            consts: co.consts.as_ptr() as *const u64,
            range_type: self.t.range.bits(),
            parent: std::ptr::null_mut(),
            func: self.frames[fi].func.bits(),
            top: self.regs.len(),
            // SAFETY: one past the end of the register stack's allocation.
            regs_end: unsafe { self.regs.as_mut_ptr().add(self.regs.capacity()) } as *mut u64,
            depth: (fi + 1) as u64,
            limit: self.opts.recursion_limit as u64,
            call_pc: 0,
            ret: self.frames[fi].ret as u64,
            result: 0,
            callee: std::ptr::null_mut(),
            callee_exit: 0,
            epoch: crate::gc::epoch_ptr(),
            stack_floor: self.stack_floor,
            construct: 0,
            ascii: self.ascii_table(),
        };
        self.globals_for_native(co, fi, &mut ctx);
        self.jit_depth += 1;
        // SAFETY: the code was compiled for this frame's code object; ctx is valid for
        // the call and the window holds the frame's nregs registers.
        let r = unsafe { (nat.entry())(&mut ctx, pc) };
        self.jit_depth -= 1;
        let out = self.native_exit(co, base, r, Rc::as_ptr(&nat));
        if Rc::strong_count(&nat) == 1 {
            // The last holder (the function was invalidated while this activation
            // ran): the code is unmapped and its descriptor freed here.
            let _d = lethe_ledger::scope(Category::Deopt);
            drop(nat);
        }
        out
    }

    fn native_exit(
        &mut self,
        co: &Rc<CodeObj>,
        base: usize,
        r: u64,
        running: *const Native,
    ) -> Result<NativeOut, (Value, bool)> {
        match decode_exit(r) {
            Exit::Return { src, pc } => Ok(NativeOut::Return { src, pc }),
            Exit::Resume(p) => Ok(NativeOut::Resume(p as usize)),
            Exit::Depth(p) => {
                self.stats.jit.depth_exits += 1;
                Ok(NativeOut::Resume(p as usize))
            }
            Exit::Exception => match self.jit_exc.take() {
                Some(e) => Err(e),
                None => Err((self.runtime_error("native code lost an exception"), false)),
            },
            Exit::Deopt { at, resume } => {
                self.stats.jit.deopts_scalar_guard += 1;
                self.deoptimise(co, base, at, false, running);
                Ok(NativeOut::Resume(resume as usize))
            }
            Exit::EntryDeopt { at } => {
                self.stats.jit.deopts_entry_guard += 1;
                self.deoptimise(co, base, at, true, running);
                Ok(NativeOut::Resume(at as usize))
            }
        }
    }

    /// Record which registers hold heap objects at `at`, drop the native code and
    /// let the function warm up again (or give up after too many rounds).
    fn deoptimise(
        &mut self,
        co: &Rc<CodeObj>,
        base: usize,
        at: u32,
        entry: bool,
        running: *const Native,
    ) {
        let j = &co.jit;
        // Code already dropped by an earlier deopt (other activations were still
        // running it, as in a recursion) teaches what broke it, but is not counted
        // again (nor is its successor dropped).
        let stale = j
            .native
            .borrow()
            .as_ref()
            .is_none_or(|n| Rc::as_ptr(n) != running);
        if jit_log() {
            let ins = self
                .bytecode(co)
                .ok()
                .and_then(|c| c.instrs.get(at as usize).copied());
            let regs: Vec<usize> = (0..co.code.nregs as usize)
                .filter(|&r| self.regs.get(base + r).is_some_and(|v| v.is_ptr()))
                .collect();
            eprintln!(
                "lethe-jit: deopt {} at {at}{}: {ins:?}; registers holding objects: {regs:?}",
                co.code.qualname,
                if entry { " (entry)" } else { "" }
            );
        }
        {
            let _g = lethe_ledger::scope(Category::Feedback);
            let mut fb = j.feedback.borrow_mut();
            // What the code assumed comes back, widened by what broke it.
            if let Some(nat) = j.native() {
                fb.after.extend(nat.assumed.after.iter().copied());
                fb.entry.extend(nat.assumed.entry.iter().copied());
            }
            let mut objects = Vec::new();
            for r in 0..co.code.nregs as usize {
                if self.regs.get(base + r).is_some_and(|v| v.is_ptr()) {
                    if entry {
                        fb.entry.insert((at, r as u16));
                    } else {
                        fb.after.insert((at, r as u16));
                    }
                    objects.push(r as u16);
                }
            }
            drop(fb);
            // A named variable holding an object now most likely always does: every
            // instruction that assigns it is taken to produce an object, so one deopt
            // teaches what would otherwise take one deopt per assignment.
            // The same goes for every read of the same closure variable, of the same
            // attribute name, and of items of the same variable, as the one that
            // broke the code.
            let nlocals = co.code.local_names.len();
            objects.retain(|&r| (r as usize) < nlocals);
            if let Ok(code) = self.bytecode(co) {
                use lethe_compiler::bytecode::Instr;
                let broke = if entry {
                    None
                } else {
                    code.instrs.get(at as usize).copied()
                };
                let same_source = |i: &Instr| match (broke, *i) {
                    (Some(Instr::LoadDeref { cell: a, .. }), Instr::LoadDeref { cell: b, .. }) => {
                        a == b
                    }
                    (Some(Instr::GetAttr { name: a, .. }), Instr::GetAttr { name: b, .. }) => {
                        a == b
                    }
                    // Items of the same container variable.
                    (Some(Instr::GetItem { obj: a, .. }), Instr::GetItem { obj: b, .. }) => {
                        a == b && (a as usize) < nlocals
                    }
                    _ => false,
                };
                let _g = lethe_ledger::scope(Category::Feedback);
                let mut fb = j.feedback.borrow_mut();
                for (pc, ins) in code.instrs.iter().enumerate() {
                    if let Some(d) = lethe_jit::defined_register(ins) {
                        if objects.contains(&d) || same_source(ins) {
                            fb.after.insert((pc as u32, d));
                        }
                    }
                }
                // Arithmetic on an object (a big integer, a string) makes objects:
                // results of operations on variables holding objects are objects.
                let mut held: Vec<u16> = objects.clone();
                for _ in 0..3 {
                    let mut grew = false;
                    for (pc, ins) in code.instrs.iter().enumerate() {
                        if let Instr::Binary { dst, a, b, .. }
                        | Instr::InplaceBinary { dst, a, b, .. } = *ins
                        {
                            if (held.contains(&a) || held.contains(&b))
                                && fb.after.insert((pc as u32, dst))
                            {
                                grew = true;
                                if !held.contains(&dst) {
                                    held.push(dst);
                                }
                            }
                        }
                    }
                    if !grew {
                        break;
                    }
                }
            }
        }
        if stale {
            return;
        }
        j.cool();
        let n = j.recompiles.get() + 1;
        j.recompiles.set(n);
        self.stats.jit.recompiles += 1;
        if n > MAX_RECOMPILES {
            j.disabled.set(true);
        }
    }

    /// A call from native code (`f` with the `argc` arguments in the frame's
    /// registers from `start`, result to absolute register `ret`): a Python function
    /// with native code is entered directly (its frame pushed, its code called, its
    /// return done here) without passing through the interpreter's loop; anything
    /// else is called as usual.
    fn native_call(
        &mut self,
        f: Value,
        base: usize,
        start: u16,
        argc: u16,
        ret: usize,
    ) -> crate::PyResult<()> {
        if let Some(r) = self.direct_call(&f, base, start, argc, ret) {
            return r;
        }
        let s = base + start as usize;
        if let Some(r) = self.call_builtin_regs(&f, s, argc as usize, ret) {
            return r;
        }
        if self.fast_call(&f, base + start as usize, argc as usize, ret)? {
            let fi = self.frames.len() - 1;
            let (co, nbase) = (self.frames[fi].code.clone(), self.frames[fi].base);
            self.note_call(&co);
            let mut nat = co.jit.native();
            if nat.is_none() && !co.jit.disabled.get() && self.opts.jit != JitMode::Off {
                self.jit_tick(&co, nbase, 0, false);
                nat = co.jit.native();
            }
            let nat = nat.filter(|n| n.has_entry(0));
            let out = match nat {
                Some(nat) => self.enter_native(&co, nat, fi, nbase, 0),
                None => Ok(NativeOut::Resume(0)),
            };
            // The common exit, a plain `return`, is finished here (the value goes to
            // `ret`); anything else is interpreted from where native code left.
            return self.finish_native_call(fi, nbase, ret, out);
        }
        // Everything else (built-ins, classes, bound methods, keyword defaults…).
        let s = base + start as usize;
        let mut args = self.args_vec();
        args.extend(
            self.regs[s..s + argc as usize]
                .iter_mut()
                .map(|v| std::mem::replace(v, Value::UNBOUND)),
        );
        let depth = self.frames.len();
        self.do_call(&f, args, Vec::new(), ret)?;
        if self.frames.len() > depth {
            // A Python frame was pushed (a class's `__init__`, a bound method…).
            let top = self.frames.last_mut().expect("callee frame");
            top.boundary = true;
            let v = self.run_to_return()?;
            self.regs[ret] = v;
        }
        Ok(())
    }

    /// What follows a native activation entered by a call: a plain `return` is
    /// finished here (the value goes to `ret`); anything else is interpreted from
    /// where native code left.
    fn finish_native_call(
        &mut self,
        fi: usize,
        nbase: usize,
        ret: usize,
        out: Result<NativeOut, (Value, bool)>,
    ) -> crate::PyResult<()> {
        let out = match out {
            Ok(NativeOut::Return { src, pc }) => {
                let v = std::mem::replace(&mut self.regs[nbase + src as usize], Value::UNBOUND);
                self.finish_return(fi, pc as usize + 1, v).map(|_| None)
            }
            Ok(NativeOut::Resume(p)) => Ok(Some(p)),
            Err(e) => Err(e),
        };
        match out {
            Ok(None) => return Ok(()),
            Ok(Some(resume)) => {
                self.frames[fi].pc = resume as u32;
                self.frames[fi].boundary = true;
            }
            Err((e, rr)) => {
                // A handler in the callee is finished interpreted.
                self.frames[fi].boundary = true;
                self.unwind(e, rr)?;
            }
        }
        let v = self.run_to_return()?;
        self.regs[ret] = v;
        Ok(())
    }

    /// The direct path of a call from native code to a function with native code
    /// that takes its arguments as they are (`Native::direct_argc`): the frame is
    /// pushed and the code entered without the general argument binding, and a plain
    /// return pops it again here. None: the call takes the general path.
    #[inline]
    fn direct_call(
        &mut self,
        f: &Value,
        base: usize,
        start: u16,
        argc: u16,
        ret: usize,
    ) -> Option<crate::PyResult<()>> {
        // A function, or a class whose (cached) `__init__` is one: then the new
        // instance is the first argument and the call's result.
        let (func_v, shift) = match f.data() {
            Some(ObjData::Func(_)) => (f.clone(), 0usize),
            Some(ObjData::Type(t)) if !t.builtin && t.layout == crate::object::Layout::Object => {
                let (e, bits) = t.ctor.get();
                if e != crate::types::type_epoch() || bits == 0 {
                    return None;
                }
                // SAFETY: see `TypeObj::ctor` (the class holds the function while the
                // epoch is unchanged).
                (unsafe { Value::clone_from_bits(bits) }, 1)
            }
            _ => return None,
        };
        let Some(ObjData::Func(func)) = func_v.data() else {
            return None;
        };
        let Some(ObjData::Proto(p)) = func.proto.data() else {
            return None;
        };
        let co = p.code.borrow().as_ref()?.clone();
        let nargs = argc as usize + shift;
        let nat = co
            .jit
            .native
            .borrow()
            .as_ref()
            .filter(|n| n.direct_argc as usize == nargs)?
            .clone();
        if self.frames.len() >= self.opts.recursion_limit {
            return None;
        }
        if self.frameless {
            self.set_direct(func, func_v.bits(), &co, &nat);
        }
        let construct = if shift == 1 {
            self.new_instance(f)
        } else {
            Value::UNBOUND
        };
        let first = (shift == 1).then(|| construct.clone());
        let nbase = self.push_window(
            first,
            base + start as usize,
            argc as usize,
            co.code.nregs as usize,
        );
        let globals = func.globals.clone();
        self.push_frame(Frame {
            code: co.clone(),
            func: func_v,
            globals,
            locals: Value::UNBOUND,
            base: nbase,
            pc: 0,
            ret,
            exc_info: Vec::new(),
            gen: Value::UNBOUND,
            boundary: false,
            construct,
        });
        let fi = self.frames.len() - 1;
        self.note_call(&co);
        let out = self.enter_native(&co, nat, fi, nbase, 0);
        if let Ok(NativeOut::Return { src, .. }) = out {
            let at = nbase + src as usize;
            if shift == 0 || self.regs[at].is_none() {
                // A plain return (or `__init__` returning None): the frame is popped
                // here and the value (or the new instance) goes to `ret`.
                let mut v = std::mem::replace(&mut self.regs[at], Value::UNBOUND);
                if shift == 1 {
                    v = std::mem::replace(&mut self.frames[fi].construct, Value::UNBOUND);
                }
                let (_, r) = self.leave_frame();
                self.regs[r] = v;
                return Some(Ok(()));
            }
        }
        Some(self.finish_native_call(fi, nbase, ret, out))
    }

    /// Run the single instruction at `pc` of frame `fi` with the interpreter (for
    /// native code). Returns the next offset, or EXEC_EXC / EXEC_DEPTH.
    pub(crate) fn exec_one(&mut self, fi: usize, base: usize, pc: u32) -> u64 {
        if self.jit_depth > MAX_NATIVE_DEPTH {
            return lethe_jit::EXEC_DEPTH;
        }
        let co = self.frames[fi].code.clone();
        self.frames[fi].pc = pc;
        let depth = self.frames.len();
        let r = self.run_frame_step(&co, base);
        match r {
            Ok(false) => {
                if self.frames.len() > depth {
                    // A call pushed the callee's frame: run it to completion here.
                    let top: &mut Frame = self.frames.last_mut().expect("callee frame");
                    top.boundary = true;
                    let ret = top.ret;
                    match self.run_to_return() {
                        Ok(v) => {
                            if ret != usize::MAX {
                                self.regs[ret] = v;
                            }
                        }
                        Err(e) => {
                            self.jit_exc = Some((e, false));
                            return lethe_jit::EXEC_EXC;
                        }
                    }
                }
                self.frames[fi].pc as u64
            }
            Ok(true) => {
                // The frame returned or yielded: native code never steps those.
                self.jit_exc = Some((
                    self.runtime_error("native code stepped a frame exit"),
                    false,
                ));
                lethe_jit::EXEC_EXC
            }
            Err(e) => {
                self.jit_exc = Some(e);
                lethe_jit::EXEC_EXC
            }
        }
    }
}

/// Field offsets of the objects native code reads, measured on sample objects (see
/// `lethe_jit::ObjLayout`).
pub(crate) fn object_layout() -> lethe_jit::ObjLayout {
    use crate::object::{HeapObj, InstanceObj, IterState, ObjData};
    thread_local! {
        static LAYOUT: std::cell::Cell<Option<lethe_jit::ObjLayout>> = const { std::cell::Cell::new(None) };
    }
    if let Some(l) = LAYOUT.with(|l| l.get()) {
        return l;
    }
    let addr = |p: *const u8| p as usize;
    let off = |a: usize, b: usize| (b - a) as u32;
    let variant = |d: &ObjData| -> u8 {
        // SAFETY: ObjData is repr(u8): its first byte is the variant.
        unsafe { *(d as *const ObjData as *const u8) }
    };
    let mut l = lethe_jit::ObjLayout::default();
    let root = crate::shape::Shape::root();
    let inst = crate::instance::new_instance(Value::NONE, &root, None, Value::UNBOUND);
    if let Some(o) = inst.obj() {
        let h = addr(o as *const HeapObj as *const u8);
        let d = addr(&o.data as *const ObjData as *const u8);
        l.data = off(h, d);
        l.instance_tag = variant(&o.data);
        if let ObjData::Instance(b) = &o.data {
            let i = addr(b as *const InstanceObj as *const u8);
            l.inst_payload = off(h, i);
            l.inst_class = off(i, addr(b.class.as_ptr() as *const u8));
            l.inst_shape = off(i, addr(b.shape_addr()));
            l.inst_meta = off(i, addr(b.meta_addr()));
            l.inst_slot0 = off(i, addr(b.slot0_addr()));
            (l.rare_overflow_ptr, l.rare_overflow_len) =
                crate::instance::rare_overflow_words(vec_words);
            // Where a shape's reference count is from its Rc word (four references:
            // unlike the weak count's 1).
            let sh = (b.shape(), b.shape());
            let raw = b.shape_word() as usize;
            let strong = std::rc::Rc::strong_count(&sh.0);
            let rcs: Vec<usize> = (0..2)
                // SAFETY: an Rc's allocation starts with its two counts.
                .filter(|&k| unsafe { *((raw + 8 * k) as *const usize) } == strong)
                .collect();
            if rcs.len() == 1 && strong == 4 {
                l.rc_strong = 8 * rcs[0] as u32;
                l.inst_add = 1;
            }
            drop(sh);
        }
    }
    drop(inst);
    let iter = ObjData::Iter(Box::new(std::cell::RefCell::new(IterState::Range {
        cur: 11,
        stop: 22,
        step: 33,
    })));
    let medium = Value::new_obj(ObjData::Int64(0x1234_5678_9abc_def0));
    if let Some(o) = medium.obj() {
        if let ObjData::Int64(i) = &o.data {
            l.int64_tag = variant(&o.data);
            l.int64_val = off(
                addr(o as *const HeapObj as *const u8),
                addr(i as *const i64 as *const u8),
            );
        }
    }
    drop(medium);
    l.iter_tag = variant(&iter);
    if let ObjData::Iter(b) = &iter {
        l.boxed = off(
            addr(&iter as *const ObjData as *const u8),
            addr(b as *const Box<std::cell::RefCell<IterState>> as *const u8),
        );
        let cell = addr(&**b as *const std::cell::RefCell<IterState> as *const u8);
        let st = addr(b.as_ptr() as *const u8);
        l.iter_state = off(cell, st);
        // SAFETY: IterState is repr(u8): its first byte is the variant.
        l.range_tag = unsafe { *(st as *const u8) };
        if let IterState::Range { cur, stop, step } = &*b.borrow() {
            l.range_cur = off(st, addr(cur as *const i64 as *const u8));
            l.range_stop = off(st, addr(stop as *const i64 as *const u8));
            l.range_step = off(st, addr(step as *const i64 as *const u8));
        }
    }
    let cell = ObjData::Cell(std::cell::RefCell::new(Value::small_int(0x77)));
    if let ObjData::Cell(c) = &cell {
        let d = addr(&cell as *const ObjData as *const u8);
        l.cell_tag = variant(&cell);
        l.cell_value = off(d, addr(c.as_ptr() as *const u8));
    }
    let str_it = ObjData::Iter(Box::new(std::cell::RefCell::new(IterState::Str {
        s: Value::small_int(0x4321),
        byte: 0x8765,
    })));
    if let ObjData::Iter(b) = &str_it {
        let st = addr(b.as_ptr() as *const u8);
        if let IterState::Str { s, byte } = &*b.borrow() {
            // SAFETY: IterState is repr(u8): its first byte is the variant.
            l.stri_tag = unsafe { *(st as *const u8) };
            l.stri_s = off(st, addr(s as *const Value as *const u8));
            l.stri_byte = off(st, addr(byte as *const usize as *const u8));
        }
    }
    let seq_it = ObjData::Iter(Box::new(std::cell::RefCell::new(IterState::Seq {
        seq: Value::small_int(0x1234),
        idx: 0x5678,
    })));
    if let ObjData::Iter(b) = &seq_it {
        let st = addr(b.as_ptr() as *const u8);
        // SAFETY: IterState is repr(u8): its first byte is the variant.
        l.seq_tag = unsafe { *(st as *const u8) };
        if let IterState::Seq { seq, idx } = &*b.borrow() {
            l.seq_seq = off(st, addr(seq as *const Value as *const u8));
            l.seq_idx = off(st, addr(idx as *const usize as *const u8));
        }
    }
    // 8 bytes, 7 characters: the two lengths differ.
    let sv = Value::new_str_obj("measuré");
    if let Some(s @ ObjData::Str(so)) = sv.data() {
        l.str_tag = variant(s);
        let d = addr(s as *const ObjData as *const u8);
        l.str_hash = off(
            d,
            addr(&so.hash as *const std::cell::Cell<i64> as *const u8),
        );
        l.str_nchars = off(d, addr(&so.nchars as *const usize as *const u8));
        let at = addr(&so.s as *const crate::object::StrBuf as *const u8);
        // SAFETY: a str's text reference is two words.
        (l.str_ptr, l.str_len) =
            unsafe { ptr_len_words(at, 2, so.s.as_ptr() as usize, so.s.len(), d) };
    }
    let list = ObjData::List(std::cell::RefCell::new(Vec::with_capacity(3)));
    l.list_tag = variant(&list);
    if let ObjData::List(cell) = &list {
        cell.borrow_mut().push(Value::NONE);
        let d = addr(&list as *const ObjData as *const u8);
        // SAFETY: the list is not borrowed mutably meanwhile.
        (l.list_ptr, l.list_len) = vec_words(unsafe { &*cell.as_ptr() }, d);
    }
    let tuple = ObjData::Tuple(vec![Value::NONE, Value::NONE, Value::NONE].into_boxed_slice());
    l.tuple_tag = variant(&tuple);
    if let ObjData::Tuple(items) = &tuple {
        let d = addr(&tuple as *const ObjData as *const u8);
        let at = addr(items as *const Box<[Value]> as *const u8);
        // SAFETY: a boxed slice is two words.
        (l.tuple_ptr, l.tuple_len) =
            unsafe { ptr_len_words(at, 2, items.as_ptr() as usize, items.len(), d) };
    }
    let builtin = ObjData::Builtin(Box::new(crate::object::BuiltinObj {
        name: "len",
        f: |_, _| Ok(Value::NONE),
        slf: None,
        owner: "builtins",
        intrinsic: 0xA5,
    }));
    l.builtin_tag = variant(&builtin);
    if let ObjData::Builtin(b) = &builtin {
        let d = addr(&builtin as *const ObjData as *const u8);
        let bx = addr(b as *const Box<crate::object::BuiltinObj> as *const u8);
        // The payload pointer must be where instances keep theirs.
        if off(d, bx) == l.boxed {
            let i = addr(&**b as *const crate::object::BuiltinObj as *const u8);
            l.builtin_intrinsic = off(i, addr(&b.intrinsic as *const u8));
        }
    }
    let func = ObjData::Func(Box::new(FuncObj {
        proto: Value::NONE,
        name: std::cell::RefCell::new(Value::NONE),
        qualname: std::cell::RefCell::new(Value::NONE),
        globals: Value::NONE,
        defaults: std::cell::RefCell::new(Value::NONE),
        kwdefaults: std::cell::RefCell::new(Value::NONE),
        closure: Value::NONE,
        dict: std::cell::RefCell::new(None),
        module: Value::NONE,
        direct: Cell::new(std::ptr::null_mut()),
    }));
    if let ObjData::Func(b) = &func {
        let d = addr(&func as *const ObjData as *const u8);
        let bx = addr(b as *const Box<FuncObj> as *const u8);
        // The payload pointer must be where instances keep theirs.
        if off(d, bx) == l.boxed {
            l.func_tag = variant(&func);
            l.func_direct = std::mem::offset_of!(FuncObj, direct) as u32;
        }
    }
    let dict = Value::new_obj(ObjData::Dict(Box::default()));
    let module = ObjData::Module(Box::new(crate::object::ModuleObj {
        name: "m".into(),
        dict: dict.clone(),
    }));
    if let (ObjData::Module(m), Some(ObjData::Dict(d))) = (&module, dict.data()) {
        let md = addr(&module as *const ObjData as *const u8);
        let mb = addr(m as *const Box<crate::object::ModuleObj> as *const u8);
        let dd = addr(&dict.obj().expect("dict").data as *const ObjData as *const u8);
        let db = addr(d as *const Box<std::cell::RefCell<crate::dict::DictData>> as *const u8);
        // Both payload pointers must be where instances keep theirs.
        if off(md, mb) == l.boxed && off(dd, db) == l.boxed {
            let mo = addr(&**m as *const crate::object::ModuleObj as *const u8);
            l.module_dict = off(mo, addr(&m.dict as *const Value as *const u8));
            let cell = addr(&**d as *const std::cell::RefCell<crate::dict::DictData> as *const u8);
            // SAFETY: only the field's address is taken.
            let ver = unsafe { std::ptr::addr_of!((*d.as_ptr()).version) } as *const u8;
            l.dict_version = off(cell, addr(ver));
        }
    }
    drop(module);
    let ok = l.inst_payload != 0
        && l.inst_slot0 != 0
        && l.inst_meta != 0
        && l.boxed != 0
        && l.list_ptr != l.list_len;
    let l = if ok {
        l
    } else {
        lethe_jit::ObjLayout::default()
    };
    LAYOUT.with(|c| c.set(Some(l)));
    l
}

/// The offsets from `base` of a vector's pointer and length words, found by value:
/// `v` must have a capacity other than its length (the three words then differ).
/// 0 for a word not found.
fn vec_words(v: &Vec<Value>, base: usize) -> (u32, u32) {
    // SAFETY: a Vec is three words.
    unsafe {
        ptr_len_words(
            v as *const Vec<Value> as usize,
            3,
            v.as_ptr() as usize,
            v.len(),
            base,
        )
    }
}

/// Offsets from `base` of the pointer word and the length word among the `words`
/// words at `at` (a Vec, a Box<[T]>, a Box<str>), found by their values `ptr` and
/// `len` (which must differ from each other and from any capacity word).
///
/// # Safety
/// `at` must point at `words` readable words.
unsafe fn ptr_len_words(
    at: usize,
    words: usize,
    ptr: usize,
    len: usize,
    base: usize,
) -> (u32, u32) {
    let (mut p, mut n) = (0, 0);
    for k in 0..words {
        // SAFETY: within the words the caller vouches for.
        let w = unsafe { *((at + 8 * k) as *const usize) };
        if w == ptr {
            p = (at + 8 * k - base) as u32;
        } else if w == len {
            n = (at + 8 * k - base) as u32;
        }
    }
    (p, n)
}

impl Vm {
    /// The inline cache entry of instruction `pc` of the native code now running.
    pub(crate) fn native_ic_at(&self, pc: u32) -> crate::interp::Ic<'static> {
        crate::interp::Ic::Native(self.native_ic, pc as usize)
    }

    /// Once native code covers a function: its type feedback went into the code (see
    /// `Native::assumed`), its interpreter caches and — when it can be re-derived
    /// from its source — its bytecode are freed.
    pub(crate) fn forget_bytecode(&mut self, co: &CodeObj) {
        {
            let _f = lethe_ledger::scope(Category::Feedback);
            *co.jit.feedback.borrow_mut() = Feedback::default();
            co.jit.drop_profile();
            co.attr_cache.borrow_mut().take();
        }
        if co.source.is_none() {
            return;
        }
        let Some(b) = co.bytecode.borrow_mut().take() else {
            return;
        };
        co.forgotten.set(Some(instr_hash(&b.instrs)));
        self.stats.jit.bytecode_forgotten += 1;
        drop(b);
    }

    /// A code object's bytecode, re-derived from its source if it was forgotten (and
    /// then kept: something needs it). The holder's reference is released in the
    /// `bytecode` category (it may be the last one).
    #[inline]
    pub(crate) fn bytecode(&mut self, co: &CodeObj) -> crate::PyResult<CodeRef> {
        if let Some(b) = &*co.bytecode.borrow() {
            return Ok(CodeRef::new(Rc::clone(b), Category::Bytecode));
        }
        self.rederive(co)
    }

    #[cold]
    fn rederive(&mut self, co: &CodeObj) -> crate::PyResult<CodeRef> {
        let Some(stub) = co.source.clone() else {
            return Err(self.runtime_error("bytecode lost"));
        };
        let code = self.compile_stub(&stub)?;
        if co.forgotten.get() != Some(instr_hash(&code.instrs)) {
            return Err(self.runtime_error("re-derived bytecode differs from the original"));
        }
        co.forgotten.set(None);
        self.stats.jit.rederived += 1;
        *co.bytecode.borrow_mut() = Some(Counted::new(Category::Bytecode, code.clone()));
        Ok(CodeRef::new(code, Category::Bytecode))
    }
}

/// A hash of a function's instructions (re-derivation must reproduce them exactly).
fn instr_hash(instrs: &[lethe_compiler::bytecode::Instr]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    instrs.hash(&mut h);
    h.finish()
}

/// A version no table has (native code's global caches then always miss).
static NO_VERSION: u64 = u64::MAX - 1;

impl Vm {
    /// The built-in function (its `lethe_jit::intrinsic` number) instruction `ins`
    /// loads as the running frame's globals stand now: a global (`len`) or an
    /// attribute of a global module (`math.sqrt`, the module's register as
    /// `last_def` shows it). A guess for the code generator, which checks the callee
    /// at run time.
    fn intrinsic_of(
        &self,
        co: &CodeObj,
        last_def: &[Option<lethe_compiler::bytecode::Instr>],
        ins: &lethe_compiler::bytecode::Instr,
    ) -> u8 {
        use crate::interp::name_lookup;
        use lethe_compiler::bytecode::Instr;
        let global = |name: u32| self.peek_global(co, name);
        let f = match ins {
            Instr::LoadGlobal { name, .. } => global(*name),
            Instr::GetAttr { obj, name, .. } | Instr::LoadMethod { obj, name, .. } => {
                match last_def.get(*obj as usize) {
                    Some(Some(Instr::LoadGlobal { name: m, .. })) => match global(*m) {
                        Some(m) => match m.data() {
                            Some(ObjData::Module(md)) => co
                                .names
                                .get(*name as usize)
                                .and_then(|n| name_lookup(&md.dict, n)),
                            _ => None,
                        },
                        None => None,
                    },
                    _ => None,
                }
            }
            _ => None,
        };
        match f.as_ref().and_then(|f| f.data()) {
            Some(ObjData::Builtin(b)) if b.slf.is_none() => b.intrinsic,
            _ => 0,
        }
    }

    /// The value of global `name` (of `co`) for the running frame, looked up
    /// without side effects (globals, then builtins).
    fn peek_global(&self, co: &CodeObj, name: u32) -> Option<Value> {
        use crate::interp::name_lookup;
        let frame = self.frames.last()?;
        let n = co.names.get(name as usize)?;
        name_lookup(&frame.globals, n).or_else(|| name_lookup(&self.builtins, n))
    }

    /// Point native code at the code object's global caches and at the versions of
    /// the frame's globals and of the builtins.
    /// Give the frameless activation `ctx`, and the frameless activations that
    /// called it, their interpreter frames (outermost first), as the runtime is
    /// about to run for it. Their windows are initialised registers just past the
    /// register stack's length.
    ///
    /// # Safety
    /// `ctx` and its parents are live contexts of running native code.
    pub(crate) unsafe fn materialize(&mut self, ctx: *mut JitCtx, count: bool) {
        let mut chain: Vec<*mut JitCtx> = Vec::new();
        let mut c = ctx;
        // SAFETY: the chain of contexts is live (the caller's contract).
        unsafe {
            while (*c).frame == lethe_jit::NO_FRAME {
                chain.push(c);
                c = (*c).parent;
            }
            if let Some(&inner) = chain.first().filter(|_| count) {
                note_materialized((*inner).func);
            }
            self.stats.jit.frameless_frames += chain.len() as u64;
            // The nearest activation with a frame is making the call.
            self.frames[(*c).frame].pc = (*c).call_pc as u32 + 1;
            for &c in chain.iter().rev() {
                let c = &mut *c;
                let cop = c.code as *const CodeObj;
                Rc::increment_strong_count(cop);
                let code = Rc::from_raw(cop);
                let natp = c.native as *const Native;
                Rc::increment_strong_count(natp);
                let nat = Rc::from_raw(natp);
                let func = Value::clone_from_bits(c.func);
                let globals = match func.data() {
                    Some(ObjData::Func(f)) => f.globals.clone(),
                    _ => Value::NONE,
                };
                let len = self.regs.len();
                let end = c.base + code.code.nregs as usize;
                debug_assert!(end <= self.regs.capacity());
                let p = self.regs.as_mut_ptr();
                for i in len..c.base {
                    p.add(i).write(Value::UNBOUND);
                }
                self.regs.set_len(end);
                self.push_frame(Frame {
                    code,
                    func,
                    globals,
                    locals: Value::UNBOUND,
                    base: c.base,
                    pc: c.call_pc as u32 + 1,
                    ret: c.ret as usize,
                    exc_info: Vec::new(),
                    gen: Value::UNBOUND,
                    boundary: false,
                    construct: if c.construct != 0 {
                        Value::clone_from_bits(c.construct)
                    } else {
                        Value::UNBOUND
                    },
                });
                c.frame = self.frames.len() - 1;
                self.frameless_holds.push((c.frame, nat));
            }
        }
    }

    /// Release the native code held for frames that are gone.
    fn release_holds(&mut self) {
        while let Some((fi, _)) = self.frameless_holds.last() {
            if *fi < self.frames.len() {
                break;
            }
            let (_, n) = self.frameless_holds.pop().expect("hold");
            if Rc::strong_count(&n) == 1 {
                let _d = lethe_ledger::scope(Category::Deopt);
                drop(n);
            }
        }
    }

    /// After a runtime call: what a context knows of the register stack and the
    /// recursion limit.
    fn refresh_ctx(&mut self, ctx: &mut JitCtx) {
        // SAFETY: one past the end of the register stack's allocation.
        ctx.regs_end = unsafe { self.regs.as_mut_ptr().add(self.regs.capacity()) } as *mut u64;
        ctx.limit = self.opts.recursion_limit as u64;
    }

    /// Keep `func`'s frameless-call record pointing at `nat` (its current native
    /// code, which takes its arguments directly).
    fn set_direct(&mut self, func: &FuncObj, bits: u64, co: &Rc<CodeObj>, nat: &Rc<Native>) {
        let d = func.direct.get();
        // SAFETY: the record is owned by the function object. (Its code must be
        // alive too: new code can sit where freed code was.)
        if !d.is_null() && unsafe { (*d).rec.native == Rc::as_ptr(nat) as u64 && (*d).alive.get() }
        {
            // SAFETY: as above.
            let r = unsafe { &mut (*d).rec };
            if r.argc == u64::MAX {
                // Frameless calls were stopped (see `note_materialized`): tried again
                // after a few thousand calls (what needed frames may have been
                // warming up).
                r.calls += 1;
                if r.calls >= 4096 {
                    (r.argc, r.calls, r.mats) = (nat.direct_argc as u64, 0, 0);
                }
            }
            return;
        }
        let (Some(ObjData::Dict(gd)), Some(ObjData::Dict(bd))) =
            (func.globals.data(), self.builtins.data())
        else {
            return;
        };
        let _g = lethe_ledger::scope(Category::Deopt);
        let rec = lethe_jit::DirectRec {
            entry: nat.map.ptr() as u64,
            alive: Rc::as_ptr(&nat.alive) as *const u8,
            argc: nat.direct_argc as u64,
            nregs: co.code.nregs as u64,
            code: Rc::as_ptr(co) as u64,
            ic: nat.ic.as_ptr() as u64,
            gcache: co.global_cache_sized().as_ptr() as u64,
            globals: func.globals.addr() as u64,
            // SAFETY: only addresses are taken; the function holds its globals, the
            // VM the builtins.
            gver: unsafe { std::ptr::addr_of!((*gd.as_ptr()).keys_version) } as u64,
            bver: unsafe { std::ptr::addr_of!((*bd.as_ptr()).keys_version) } as u64,
            ic_table: &nat.ic as *const crate::object::IcTable as u64,
            native: Rc::as_ptr(nat) as u64,
            consts: co.consts.as_ptr() as u64,
            last_used: co.last_used.as_ptr(),
            calls: 0,
            mats: 0,
            func: bits,
        };
        let new = Box::into_raw(Box::new(Direct {
            rec,
            alive: nat.alive.clone(),
        }));
        let old = func.direct.replace(new);
        if !old.is_null() {
            // SAFETY: the old record was made here and owned by the function.
            drop(unsafe { Box::from_raw(old) });
        }
    }

    fn globals_for_native(&self, co: &CodeObj, fi: usize, ctx: &mut JitCtx) {
        ctx.gcache = co.global_cache_sized().as_ptr();
        let g = &self.frames[fi].globals;
        let (Some(crate::object::ObjData::Dict(gd)), Some(crate::object::ObjData::Dict(bd))) =
            (g.data(), self.builtins.data())
        else {
            return;
        };
        ctx.globals = g.addr() as u64;
        // SAFETY: only addresses are taken; the tables outlive the activation (the
        // frame holds its globals, the VM the builtins).
        ctx.gver = unsafe { std::ptr::addr_of!((*gd.as_ptr()).keys_version) };
        ctx.bver = unsafe { std::ptr::addr_of!((*bd.as_ptr()).keys_version) };
    }
}

/// An activation's reference to a `Code`: released in the code's ledger category
/// when it is the last one (the code object forgot the bytecode meanwhile).
pub(crate) struct CodeRef(Option<Rc<lethe_compiler::bytecode::Code>>, Category);

impl CodeRef {
    #[inline]
    pub(crate) fn new(c: Rc<lethe_compiler::bytecode::Code>, cat: Category) -> CodeRef {
        CodeRef(Some(c), cat)
    }
}

impl std::ops::Deref for CodeRef {
    type Target = lethe_compiler::bytecode::Code;
    #[inline]
    fn deref(&self) -> &Self::Target {
        self.0.as_deref().expect("held")
    }
}

impl Drop for CodeRef {
    #[inline]
    fn drop(&mut self) {
        if let Some(c) = self.0.take() {
            if Rc::strong_count(&c) == 1 {
                let _g = lethe_ledger::scope(self.1);
                drop(c);
            }
        }
    }
}

impl Vm {
    /// The common instructions native code hands over (operations on objects after
    /// a failed scalar guard), run directly rather than through the interpreter
    /// loop. None: not one of them (the caller single-steps the interpreter).
    fn exec_direct(
        &mut self,
        fi: usize,
        base: usize,
        pc: u32,
        ins: lethe_compiler::bytecode::Instr,
    ) -> Option<u64> {
        use lethe_compiler::bytecode::{Instr, UnOp};
        if self.jit_depth > MAX_NATIVE_DEPTH {
            return None;
        }
        let reg = |r: u16| base + r as usize;
        self.frames[fi].pc = pc + 1;
        let r: crate::PyResult<u32> = match ins {
            Instr::Binary { op, dst, a, b } | Instr::InplaceBinary { op, dst, a, b } => {
                let (x, y) = (self.regs[reg(a)].clone(), self.regs[reg(b)].clone());
                let v = if matches!(ins, Instr::Binary { .. }) {
                    self.binary(op, &x, &y)
                } else {
                    self.inplace(op, &x, &y)
                };
                v.map(|v| {
                    self.regs[reg(dst)] = v;
                    pc + 1
                })
            }
            Instr::Compare { op, dst, a, b } => {
                let (x, y) = (self.regs[reg(a)].clone(), self.regs[reg(b)].clone());
                self.compare(op, &x, &y).map(|v| {
                    self.regs[reg(dst)] = v;
                    pc + 1
                })
            }
            Instr::JumpIfNotCompare {
                op,
                a,
                b,
                target_rel,
            } => {
                let (x, y) = (self.regs[reg(a)].clone(), self.regs[reg(b)].clone());
                match self.compare(op, &x, &y).and_then(|v| self.truthy(&v)) {
                    Ok(true) => Ok(pc + 1),
                    Ok(false) => Ok((pc as i64 + target_rel as i64) as u32),
                    Err(e) => Err(e),
                }
            }
            Instr::JumpIfFalse { cond, target } | Instr::JumpIfTrue { cond, target } => {
                let c = self.regs[reg(cond)].clone();
                let jump_when = matches!(ins, Instr::JumpIfTrue { .. });
                self.truthy(&c)
                    .map(|t| if t == jump_when { target } else { pc + 1 })
            }
            Instr::RangeIter {
                base: b,
                func,
                argc,
            } => self.range_iter(base, b, func, argc).map(|_| pc + 1),
            Instr::ToBool { dst, src } => {
                let c = self.regs[reg(src)].clone();
                self.truthy(&c).map(|t| {
                    self.regs[reg(dst)] = Value::bool(t);
                    pc + 1
                })
            }
            Instr::Unary {
                op: UnOp::Not,
                dst,
                src,
            } => {
                let c = self.regs[reg(src)].clone();
                self.truthy(&c).map(|t| {
                    self.regs[reg(dst)] = Value::bool(!t);
                    pc + 1
                })
            }
            Instr::Unary { op, dst, src } => {
                let x = self.regs[reg(src)].clone();
                self.unary(op, &x).map(|v| {
                    self.regs[reg(dst)] = v;
                    pc + 1
                })
            }
            Instr::GetIter { dst, src } => {
                let x = self.regs[reg(src)].clone();
                self.iter(&x).map(|v| {
                    self.regs[reg(dst)] = v;
                    pc + 1
                })
            }
            Instr::BuildString { dst, start, count } => {
                self.regs[reg(dst)] = self.build_string_regs(reg(start), count);
                Ok(pc + 1)
            }
            Instr::BuildDict { dst, start, count } => {
                self.build_dict_regs(base, start, count).map(|d| {
                    self.regs[reg(dst)] = d;
                    pc + 1
                })
            }
            Instr::ListAppend { list, src } => {
                self.list_append_regs(reg(list), reg(src));
                Ok(pc + 1)
            }
            Instr::UnpackSeq { dst, src, count } => {
                self.unpack_regs(reg(dst), reg(src), count).map(|_| pc + 1)
            }
            Instr::SetAdd { set, src } => self
                .table_insert_regs(reg(set), reg(src), None)
                .map(|_| pc + 1),
            Instr::DictInsert { dict, key, src } => self
                .table_insert_regs(reg(dict), reg(key), Some(reg(src)))
                .map(|_| pc + 1),
            Instr::FormatValue {
                dst,
                src,
                conv,
                spec,
            } => self.format_value_regs(reg(src), conv, spec).map(|v| {
                self.regs[reg(dst)] = v;
                pc + 1
            }),
            Instr::StoreGlobal { src, name } => {
                let n = self.frames[fi].code.names[name as usize].clone();
                self.store_global_regs(fi, n, reg(src)).map(|_| pc + 1)
            }
            Instr::BuildList { dst, start, count } => {
                let v = self.call_args(base, start, count);
                self.regs[reg(dst)] = self.new_list(v);
                Ok(pc + 1)
            }
            Instr::BuildTuple { dst, start, count } => {
                let v = self.call_args(base, start, count);
                self.regs[reg(dst)] = self.new_tuple(v);
                Ok(pc + 1)
            }
            Instr::BuildSlice { dst, start } => {
                let s = reg(start);
                let take =
                    |vm: &mut Vm, i: usize| std::mem::replace(&mut vm.regs[s + i], Value::UNBOUND);
                let v = [take(self, 0), take(self, 1), take(self, 2)];
                self.regs[reg(dst)] = Value::new_obj(crate::object::ObjData::Slice(Box::new(v)));
                Ok(pc + 1)
            }
            Instr::LoadDeref { dst, cell } => {
                let v = match self.regs[reg(cell)].data() {
                    Some(crate::object::ObjData::Cell(c)) => c.borrow().clone(),
                    _ => return None,
                };
                if v.is_unbound() {
                    return None; // the interpreter raises the right NameError
                }
                self.regs[reg(dst)] = v;
                Ok(pc + 1)
            }
            Instr::StoreDeref { cell, src } => {
                let v = self.regs[reg(src)].clone();
                let old = match self.regs[reg(cell)].data() {
                    Some(crate::object::ObjData::Cell(c)) => c.replace(v),
                    _ => return None,
                };
                drop(old);
                Ok(pc + 1)
            }
            _ => return None,
        };
        Some(match r {
            Ok(p) => p as u64,
            Err(e) => {
                self.jit_exc = Some((e, false));
                lethe_jit::EXEC_EXC
            }
        })
    }
}

/// `LETHE_JIT_LOG=1`: compiles and deopts are reported on stderr (for finding what
/// keeps a function from staying native).
fn jit_log() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("LETHE_JIT_LOG").is_some_and(|v| v == "1" || v == "2"))
}
