/**
 * Type shims for the rendering libraries.
 *
 * - pdf-lib's single-file ESM bundle loads in ~40 ms instead of ~130 ms for its CommonJS tree
 *   (docs/rendering.md, "Pitfalls, measured"); it is the same library, so it gets the package's own types.
 */
declare module 'pdf-lib/dist/pdf-lib.esm.min.js' {
  export * from 'pdf-lib';
}
