import { signal, renderEffect } from '@lepta/reactive';
const [n, setN] = signal(0);
const b = document.createElement('button');
renderEffect(() => (b.textContent = String(n())));
b.onclick = () => setN(n() + 1);
document.body.append(b);
