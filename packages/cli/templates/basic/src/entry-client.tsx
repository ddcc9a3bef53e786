/** The browser entry: adopts the HTML the server rendered and makes it interactive. */
import { hydrate } from 'lepta';
import { App } from './App.js';

hydrate(() => <App />, document.getElementById('app')!);
