/** The browser entry: adopt the server's DOM (a module script: it runs after the stream ended). */
import { hydrate } from 'lepta';
import { App } from './App.js';

hydrate(() => <App />, document.getElementById('app')!);
// Tests wait for this before clicking.
(window as unknown as { __hydrated: boolean }).__hydrated = true;
