/**
 * `vite build` for an app (APP.md §3): the `client` environment into dist/client (manifest,
 * hashed files), then the `ssr` environment into dist/server/entry-server.js with Lepta bundled
 * in. Only what the user's config leaves unset is filled in: the plugin's `config` result wins
 * over the user's when merged, so setting a value the user chose would override it.
 */
import type { Plugin, UserConfig } from 'vite';
import type { Resolved } from './options.js';

/** Lepta's packages are bundled into the server: one copy of its registries, no resolution quirks. */
export const LEPTA_PACKAGES = [/^lepta(\/|$)/, /^@lepta\//];

type EnvironmentConfig = NonNullable<UserConfig['environments']>[string];

export function appConfig(user: UserConfig, r: Resolved): UserConfig {
  const client = user.environments?.client;
  const ssr = user.environments?.ssr;
  return {
    // The dev middleware answers pages; no index.html, no SPA fallback.
    appType: user.appType ?? 'custom',
    // `vite build` builds every environment (as `--app`).
    builder: {},
    environments: {
      client: {
        build: {
          ...(client?.build?.outDir ? {} : { outDir: 'dist/client' }),
          ...(client?.build?.manifest !== undefined ? {} : { manifest: true }),
          // Maps for error tracking, not referenced from the shipped files (the source stays private).
          ...(client?.build?.sourcemap !== undefined ? {} : { sourcemap: 'hidden' as const }),
          ...(hasInput(client) ? {} : { rolldownOptions: { input: r.clientEntry } }),
        },
      },
      ssr: {
        ...(ssr?.resolve?.noExternal === true ? {} : { resolve: { noExternal: LEPTA_PACKAGES } }),
        build: {
          ...(ssr?.build?.outDir ? {} : { outDir: 'dist/server' }),
          // Server stack traces point into the sources (`lepta serve` turns source maps on).
          ...(ssr?.build?.sourcemap !== undefined ? {} : { sourcemap: true }),
          ...(hasInput(ssr) ? {} : { rolldownOptions: { input: { 'entry-server': r.serverEntry } } }),
        },
      },
    },
  };
}

function hasInput(environment: EnvironmentConfig | undefined): boolean {
  const build = environment?.build as { rollupOptions?: { input?: unknown }; rolldownOptions?: { input?: unknown } } | undefined;
  return build?.rolldownOptions?.input !== undefined || build?.rollupOptions?.input !== undefined;
}

/** The client first: the server's `virtual:lepta/assets` reads the client's manifest. */
export function buildAppPlugin(resolved: () => Resolved): Plugin {
  return {
    name: 'lepta:build-app',
    async buildApp(builder) {
      if (!resolved().app) return;
      const { client, ssr, ...others } = builder.environments;
      for (const environment of [client, ssr, ...Object.values(others)]) {
        if (environment && !environment.isBuilt) await builder.build(environment);
      }
    },
  };
}
