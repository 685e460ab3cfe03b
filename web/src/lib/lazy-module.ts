import { useEffect, useState } from 'preact/hooks';

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

/** The module once it has loaded; starts loading when `wanted` turns true. */
export function useLazyModule<T>(module: LazyModule<T>, wanted: boolean): T | undefined {
  const [, setLoaded] = useState(module.current !== undefined);
  useEffect(() => {
    if (!wanted || module.current) return;
    let live = true;
    module.load().then(
      () => live && setLoaded(true),
      (e: unknown) => console.error('loading a part of the page failed', e),
    );
    return () => {
      live = false;
    };
  }, [module, wanted]);
  return module.current;
}
