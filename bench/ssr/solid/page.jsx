// The benchmark page in idiomatic Solid: a <table> of 1,000 rows, each row a small component (id
// cell, label cell with a click handler, `class` set to "danger" on the selected row, as Solid's
// own js-framework-benchmark entry does), <For> over the rows, the selected id in a signal.
// Compiled by babel-preset-solid `{ generate: 'ssr' }` (src/build.mjs), once with
// `hydratable: true` (what a hydrated Solid app's server build uses) and once without.
import { For, createSignal } from 'solid-js';
import { renderToString } from 'solid-js/web';

function Row(props) {
  return (
    <tr class={props.selected ? 'danger' : undefined}>
      <td class="col-md-1">{props.id}</td>
      <td class="col-md-4">
        <a onClick={() => props.onSelect(props.id)}>{props.label}</a>
      </td>
      <td class="col-md-1">
        <a>
          <span class="glyphicon glyphicon-remove" aria-hidden="true" />
        </a>
      </td>
      <td class="col-md-6" />
    </tr>
  );
}

export function Page(props) {
  const [selected, setSelected] = createSignal(props.selected);
  return (
    <div class="container">
      <table class="table table-hover table-striped test-data">
        <tbody>
          <For each={props.rows}>
            {(row) => <Row id={row.id} label={row.label} selected={selected() === row.id} onSelect={setSelected} />}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** One render of the whole page to a string: what the benchmark times. */
export function render(input) {
  return renderToString(() => <Page rows={input.rows} selected={input.selected} />);
}
