/** The programmatic API behind the `lepta` command (src/cli.ts parses the command line). */
export { serve, SERVER_ENTRY, CLIENT_DIR, type ServeOptions, type RunningServer, type AppHandler } from './serve.js';
export { build, type BuildOptions, type BuildResult } from './build.js';
export { dev, type DevOptions } from './dev.js';
export { newProject, copyTemplate, TEMPLATES, type Template, type NewOptions, type NewResult } from './new.js';
export {
  resolveConfig,
  loadConfig,
  exportConfig,
  originFor,
  parseAddr,
  SETTINGS,
  SSR_MODES,
  ConfigError,
  type LeptaConfig,
  type ResolvedConfig,
  type SsrMode,
} from './config.js';
export { createStaticHandler, acceptedEncodings, isHashedAsset } from './static.js';
export { precompress, sizeTable, type FileSizes } from './compress.js';

/** For `lepta.config.ts`: `export default defineConfig({ … })` gets the settings typed. */
export function defineConfig<T extends import('./config.js').LeptaConfig>(config: T): T {
  return config;
}
