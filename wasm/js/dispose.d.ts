// The classes free their engine memory with `free()` or `[Symbol.dispose]()`
// (`using`). Declared here, once for every entry (index.d.ts and
// quote/index.d.ts refer to this file), so the types need neither lib
// "esnext.disposable" nor @types/node: the declaration those libraries
// make, merged with theirs.
interface SymbolConstructor {
  readonly dispose: unique symbol;
}
