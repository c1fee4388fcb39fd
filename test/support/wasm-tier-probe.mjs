// Loaded with `node --allow-natives-syntax --import` before a program: when the program exits, says
// on stderr whether V8 still recompiles hot WebAssembly with TurboFan in this process
// ("wasm-tier: turbofan") or keeps it on Liftoff ("wasm-tier: liftoff"), i.e. whether the program
// set --liftoff-only. A tiny module's function is called until TurboFan has it, or 3 s have passed.
// The natives are reached through Function so that this file stays plain JavaScript for the linter.
const isTurboFan = new Function("f", "return %IsTurboFanFunction(f)");
const isLiftoff = new Function("f", "return %IsLiftoffFunction(f)");
// (module (func (export "f") (param i32) (result i32) local.get 0 i32.const 1 i32.add))
const BYTES = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0, 0, 10, 9, 1, 7, 0, 32, 0,
  65, 1, 106, 11,
];

process.on("exit", () => {
  const { f } = new WebAssembly.Instance(new WebAssembly.Module(new Uint8Array(BYTES))).exports;
  const until = Date.now() + 3000;
  let x = 0;
  while (!isTurboFan(f) && Date.now() < until) for (let i = 0; i < 100_000; i++) x = f(x);
  const tier = isTurboFan(f) ? "turbofan" : isLiftoff(f) ? "liftoff" : "unknown";
  process.stderr.write(`wasm-tier: ${tier}\n`);
});
