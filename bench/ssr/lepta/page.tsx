// The benchmark page in idiomatic Lepta: a <table> of 1,000 rows, each row a small component
// (id cell, label cell with a click handler, the dynamic `class:danger` toggle as in the keyed
// js-framework-benchmark app), <For> keyed by id, the selected id in a signal. Compiled by
// @lepta/compiler in `ssr` mode (src/build.mjs); the same source would be compiled in `hydrate`
// mode for the browser, so the handlers are here even though the server never runs them.
import { For, signal } from 'lepta';
import { renderToString } from 'lepta/server';

export interface RowData {
  id: number;
  label: string;
}

export interface PageProps {
  rows: RowData[];
  selected: number;
}

interface RowProps {
  id: number;
  label: string;
  selected: boolean;
  onSelect: (id: number) => void;
}

function Row(props: RowProps) {
  return (
    <tr class:danger={props.selected}>
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

export function Page(props: PageProps) {
  const [selected, setSelected] = signal(props.selected);
  return (
    <div class="container">
      <table class="table table-hover table-striped test-data">
        <tbody>
          <For each={props.rows} key={(row) => row.id}>
            {(row) => <Row id={row.id} label={row.label} selected={selected() === row.id} onSelect={setSelected} />}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** One render of the whole page to a string: what the benchmark times. */
export function render(input: PageProps): string {
  return renderToString(() => <Page rows={input.rows} selected={input.selected} />);
}
