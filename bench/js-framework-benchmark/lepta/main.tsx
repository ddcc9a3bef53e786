// The keyed js-framework-benchmark app in idiomatic Lepta: a signal per label, a selector for the
// selected row, <For> keyed by id over an immutable array, delegated onClick handlers,
// class:danger for the selected row.
import { signal, selector, batch, For, mount, type Accessor, type Setter } from 'lepta';
import { labelSource } from '../shared/labels.ts';

interface Row {
  id: number;
  label: Accessor<string>;
  setLabel: Setter<string>;
}

const nextLabel = labelSource();
let nextId = 1;

function buildRows(count: number): Row[] {
  const rows = new Array<Row>(count);
  for (let i = 0; i < count; i++) {
    const [label, setLabel] = signal(nextLabel());
    rows[i] = { id: nextId++, label, setLabel };
  }
  return rows;
}

function App() {
  const [rows, setRows] = signal<Row[]>([]);
  const [selected, setSelected] = signal<number | null>(null);
  const isSelected = selector(selected);

  const run = () => setRows(buildRows(1000));
  const runLots = () => setRows(buildRows(10000));
  const add = () => setRows((rs) => rs.concat(buildRows(1000)));
  const update = () =>
    batch(() => {
      const rs = rows();
      for (let i = 0; i < rs.length; i += 10) rs[i].setLabel((l) => l + ' !!!');
    });
  const clear = () => setRows([]);
  const swapRows = () => {
    const rs = rows().slice();
    if (rs.length > 998) {
      const a = rs[1];
      rs[1] = rs[998];
      rs[998] = a;
      setRows(rs);
    }
  };
  const remove = (id: number) => setRows((rs) => rs.toSpliced(rs.findIndex((r) => r.id === id), 1));

  return (
    <div class="container">
      <div class="jumbotron">
        <div class="row">
          <div class="col-md-6">
            <h1>Lepta (keyed)</h1>
          </div>
          <div class="col-md-6">
            <div class="row">
              <div class="col-sm-6 smallpad">
                <button type="button" class="btn btn-primary btn-block" id="run" onClick={run}>Create 1,000 rows</button>
              </div>
              <div class="col-sm-6 smallpad">
                <button type="button" class="btn btn-primary btn-block" id="runlots" onClick={runLots}>Create 10,000 rows</button>
              </div>
              <div class="col-sm-6 smallpad">
                <button type="button" class="btn btn-primary btn-block" id="add" onClick={add}>Append 1,000 rows</button>
              </div>
              <div class="col-sm-6 smallpad">
                <button type="button" class="btn btn-primary btn-block" id="update" onClick={update}>Update every 10th row</button>
              </div>
              <div class="col-sm-6 smallpad">
                <button type="button" class="btn btn-primary btn-block" id="clear" onClick={clear}>Clear</button>
              </div>
              <div class="col-sm-6 smallpad">
                <button type="button" class="btn btn-primary btn-block" id="swaprows" onClick={swapRows}>Swap Rows</button>
              </div>
            </div>
          </div>
        </div>
      </div>
      <table class="table table-hover table-striped test-data">
        <tbody>
          <For each={rows()} key={(r) => r.id}>
            {(row) => {
              const { id, label } = row;
              return (
                <tr class:danger={isSelected(id)}>
                  <td class="col-md-1">{id}</td>
                  <td class="col-md-4">
                    <a onClick={() => setSelected(id)}>{label()}</a>
                  </td>
                  <td class="col-md-1">
                    <a onClick={() => remove(id)}>
                      <span class="glyphicon glyphicon-remove" aria-hidden="true" />
                    </a>
                  </td>
                  <td class="col-md-6" />
                </tr>
              );
            }}
          </For>
        </tbody>
      </table>
      <span class="preloadicon glyphicon glyphicon-remove" aria-hidden="true" />
    </div>
  );
}

mount(() => <App />, document.getElementById('main')!);
