import { useLoad, type Loaded } from './use-load';

export interface LazyModule<T> {
  /** Starts loading (once, unless it failed) and resolves with the module. */
  load(): Promise<T>;
  /** The module once loaded, for rendering without waiting. */
  readonly current: T | undefined;
}

/**
 * A module loaded with import() on first need, so it stays out of the first bundle. Pass a literal
 * `() => import('…')` so the bundler makes the module its own chunk.
 */
export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let promise: Promise<T> | undefined;
  let loaded: T | undefined;
  return {
    load: () =>
      (promise ??= importer().then(
        (m) => (loaded = m),
        (e: unknown) => {
          // A failed import() (network gone, a new deployment removed the chunk) must not stay the answer for
          // the page's lifetime: forget it, so the next use tries again.
          promise = undefined;
          throw e;
        },
      )),
    get current() {
      return loaded;
    },
  };
}

/** The module once it has loaded (`failed` and `retry` when loading it failed); starts loading when `wanted`. */
export function useLazyModule<T>(module: LazyModule<T>, wanted: boolean): Loaded<T> {
  const state = useLoad(wanted ? module.load : null);
  // `current` also covers a module that an earlier render (or another component) already loaded.
  return { ...state, value: module.current ?? null };
}
