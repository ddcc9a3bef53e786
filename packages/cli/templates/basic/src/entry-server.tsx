/** The server entry: `lepta serve` (and `lepta dev`) pass every request that is not a file to it. */
import { createApp } from 'lepta/server';
import { App } from './App.js';

export default createApp(() => <App />, { title: 'Lepta app' });
