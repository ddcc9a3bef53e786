import { mount } from 'lepta';
import { App } from './App.js';

mount(() => <App />, document.getElementById('app')!);
