/** The first rows of the file as read, under their header texts. */
export function SampleTable({ headers, rows }: { headers: string[]; rows: string[][] }) {
  return (
    <div className="table-wrap sample-table">
      <table className="table table--compact">
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={`${i}:${h}`} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {headers.map((_, c) => (
                <td key={c}>{row[c] ?? ""}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
