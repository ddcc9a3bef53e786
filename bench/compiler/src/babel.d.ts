// The slice of @babel/core and babel-preset-solid the benchmark uses (they ship no types).
declare module '@babel/core' {
  export interface TransformOptions {
    filename?: string;
    babelrc?: boolean;
    configFile?: boolean | string;
    presets?: unknown[];
    plugins?: unknown[];
    parserOpts?: { plugins?: unknown[] };
    sourceMaps?: boolean;
    ast?: boolean;
    code?: boolean;
  }
  export function transformSync(code: string, options?: TransformOptions): { code?: string | null; map?: unknown } | null;
}
declare module 'babel-preset-solid' {
  const preset: unknown;
  export default preset;
}
