/** The browser entry: adopt the server's DOM. Runs after the stream ended (a module script). */
import { hydrate } from 'lepta';
import { App } from './App.js';
import { parsePageQuery } from './query.js';

declare global {
  interface Window {
    /** Fetches the browser made (none: the server's data is reused). */
    __fetches: string[];
    /** Set once hydration finished. */
    __hydrated: boolean;
  }
}

window.__fetches = [];
const { delays } = parsePageQuery(new URLSearchParams(location.search));
hydrate(() => <App delays={delays} onFetch={(panel) => window.__fetches.push(panel)} />, document.getElementById('app')!);
window.__hydrated = true;
