//! Weak references: no memory for objects never weakly referenced, nothing left in
//! the runtime's tables once the objects are gone, and callbacks at the next safe
//! point. (Memory through the ledger: this test binary installs the counting
//! allocator.)

use lethe_ledger::{current, Category};
use lethe_vm::object::ObjData;
use lethe_vm::{Options, Value, Vm};

#[global_allocator]
static ALLOC: lethe_ledger::Ledger = lethe_ledger::Ledger;

fn global(vm: &mut Vm, name: &str) -> Value {
    let m = vm.main_module.clone().expect("main module");
    let k = vm.intern(name);
    vm.getattr(&m, &k).expect("global exists")
}

fn run(vm: &mut Vm, src: &str) {
    let status = lethe_vm::modules::run_main(vm, "<test>", src.to_string());
    assert_eq!(status, 0);
}

// The ledger's category is process-wide, so everything runs in one function, on the
// main thread of a binary without the test harness (`harness = false`): the
// harness's own thread allocates while a test runs, and those bytes would land in
// whatever category the test has entered.
fn main() {
    weak_references();
    println!("test weak_references ... ok");
}

fn weak_references() {
    let _g = lethe_ledger::scope(Category::Objects);
    let opts = Options {
        jit: lethe_vm::jit::JitMode::Off,
        ..Options::default()
    };
    let mut vm = Vm::new(opts);
    run(
        &mut vm,
        "
import weakref
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
first = P(1, 2)  # (the first instance of a class keeps its second attribute aside)
seen = []
def callback(wr):
    seen.append(wr() is None)
",
    );
    // An instance weakly referenced is the same 56 bytes as any other: the weak
    // reference's bookkeeping is in the runtime's tables, not in the object.
    let cls = global(&mut vm, "P");
    let args = || vec![Value::small_int(3), Value::small_int(4)];
    let plain = vm.call(&cls, args()).expect("instance");
    let held = current(Category::Objects);
    drop(plain);
    let plain_bytes = held - current(Category::Objects);
    assert_eq!(plain_bytes, 56);

    let weakref = global(&mut vm, "weakref");
    let ref_cls = {
        let k = vm.intern("ref");
        vm.getattr(&weakref, &k).expect("weakref.ref")
    };
    let cb = global(&mut vm, "callback");
    let obj = vm.call(&cls, args()).expect("instance");
    let wr = vm
        .call(&ref_cls, vec![obj.clone(), cb])
        .expect("weak reference");
    assert_eq!(lethe_vm::weak::table_sizes(), (1, 1));
    let got = vm.call(&wr, vec![]).expect("dereference");
    assert!(got.is(&obj));
    drop(got);
    let Some(ObjData::Instance(i)) = obj.data() else {
        panic!("an instance")
    };
    assert_eq!(i.cap(), 2);
    let held = current(Category::Objects);
    drop(obj);
    // Freed at once, whole; the weak reference is cleared.
    assert_eq!(held - current(Category::Objects), plain_bytes);
    assert_eq!(lethe_vm::weak::table_sizes(), (0, 0));
    assert!(vm.call(&wr, vec![]).expect("dereference").is_none());
    // The callback runs at the next safe point.
    vm.run_finalizers();
    let seen = global(&mut vm, "seen");
    assert_eq!(vm.repr(&seen).expect("repr"), "[True]");

    // A weak reference dropped first leaves the tables; its referent lives on.
    let obj = vm.call(&cls, args()).expect("instance");
    let wr2 = vm
        .call(&ref_cls, vec![obj.clone()])
        .expect("weak reference");
    assert_eq!(lethe_vm::weak::table_sizes(), (1, 1));
    drop(wr2);
    assert_eq!(lethe_vm::weak::table_sizes(), (0, 0));
    drop(obj);
    drop(wr);

    // Cycles: the collector frees them and their weak references are cleared.
    run(
        &mut vm,
        "
import gc, weakref
class N:
    pass
refs = []
for i in range(1000):
    a, b = N(), N()
    a.b, b.a = b, a
    refs.append(weakref.ref(a))
del a, b
gc.collect()
assert all(r() is None for r in refs), 'cleared'
del refs
",
    );
    assert_eq!(lethe_vm::weak::table_sizes(), (0, 0));
}
