/**
 * Stylesheets in dev (APP.md §2): the page links one stylesheet, `@lepta/dev-styles.css`, made
 * on each request from the client's module graph: an `@import` of every CSS file the client entry
 * pulls in through static imports, in import order (what the build's manifest gives, as one file
 * each). The browser fetches each import as a stylesheet, which Vite's dev server answers with the
 * compiled CSS. So a server-rendered page is styled before any script runs (no flash of unstyled
 * content, and styled with JavaScript off too); once the modules load, Vite's client adds the same
 * rules again and keeps them current on edits.
 */
import { isCSSRequest, type Connect, type DevEnvironment, type ViteDevServer } from 'vite';

/** Where the dev stylesheet is served, under Vite's `base`. */
export const DEV_STYLES = '@lepta/dev-styles.css';

/** CSS imported for its URL or its text, not as a stylesheet. */
const NOT_A_STYLESHEET = /[?&](?:inline|url|raw)(?:&|=|$)/;

/**
 * The URLs (as the dev server serves them, without `base`) of the stylesheets `entry` pulls in
 * through static imports, in import order. Modules not yet transformed are transformed on the way
 * (the browser asks for the same ones next, from Vite's cache).
 */
export async function devStylesheets(environment: DevEnvironment, entry: string): Promise<string[]> {
  const seen = new Set<string>();
  const styles: string[] = [];
  const visit = async (url: string): Promise<void> => {
    if (seen.has(url)) return;
    seen.add(url);
    if (isCSSRequest(url)) {
      if (!NOT_A_STYLESHEET.test(url)) styles.push(url);
      return;
    }
    // Prebundled dependencies import no stylesheets as modules of their own.
    if (url.includes('/node_modules/')) return;
    await environment.transformRequest(url);
    const module = await environment.moduleGraph.getModuleByUrl(url);
    if (!module) return;
    // Vite keeps which imports are static, in order; dynamic imports are not on the first page.
    const imports = (module as { staticImportedUrls?: Set<string> }).staticImportedUrls ?? new Set([...module.importedModules].map((m) => m.url));
    for (const imported of imports) await visit(imported);
  };
  await visit(entry);
  return styles;
}

/** Answers `GET {base}@lepta/dev-styles.css` with the `@import`s of the client entry's stylesheets. */
export function devStylesMiddleware(server: ViteDevServer, entry: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    void (async () => {
      try {
        const environment = server.environments.client;
        if (!environment) return next();
        const base = server.config.base;
        const styles = await devStylesheets(environment, entry);
        const body = styles.map((url) => `@import url(${JSON.stringify(base + url.slice(1))});\n`).join('');
        res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-store' });
        res.end(body);
      } catch (error) {
        // A module that does not compile: the page shows Vite's overlay for it; the styles wait.
        server.config.logger.warn(`lepta: dev stylesheets: ${String(error)}`);
        res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'no-store' });
        res.end('');
      }
    })();
  };
}
