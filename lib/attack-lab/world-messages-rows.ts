/**
 * Large row lists (10,000 schedule rows, 10,000 outcome rows for the benchmark world) cross the
 * worker boundary as columns: one typed array per field and one table of the distinct strings.
 * Checking 10,000 row objects with zod costs 30-90 ms on the page's main thread (measured in Node,
 * zod/mini, with and without its JIT); checking the columns costs well under a millisecond: each
 * column's type and length, then one loop over the indices (every string index in the table, every
 * enum index in range, every number a safe integer). The rows decoded from checked columns are
 * exactly the row type the schema describes (world-messages.test.ts checks them against it).
 * @module
 */
import * as z from 'zod/mini';

/**
 * How one field is stored: `int` in a Float64Array (SimTime reaches 2^40), `string` and
 * `optional-string` as indices into the string table (-1: absent), `boolean` as 0/1, and an enum
 * (its values, in order) as the value's index.
 */
export type ColumnKind = 'int' | 'string' | 'optional-string' | 'boolean' | readonly string[];

/** One kind per field of a row type. */
export type ColumnSpec<Row> = { readonly [K in keyof Row]-?: ColumnKind };

/** Rows as they travel: their count, the distinct strings, and one typed array per field. */
export interface RowColumns {
  readonly length: number;
  readonly strings: string[];
  readonly columns: Record<string, Float64Array | Int32Array | Uint8Array>;
}

function arrayFor(kind: ColumnKind, length: number): Float64Array | Int32Array | Uint8Array {
  if (kind === 'int') return new Float64Array(length);
  if (kind === 'string' || kind === 'optional-string') return new Int32Array(length);
  return new Uint8Array(length);
}

/** Encodes `rows` field by field (the worker's side). */
function encodeRows<Row extends object>(spec: ColumnSpec<Row>, rows: readonly Row[]): RowColumns {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.push(s) - 1;
      index.set(s, i);
    }
    return i;
  };
  const columns: Record<string, Float64Array | Int32Array | Uint8Array> = {};
  for (const [field, kind] of Object.entries(spec) as [string, ColumnKind][]) {
    const column = arrayFor(kind, rows.length);
    rows.forEach((row, i) => {
      const value = (row as Record<string, unknown>)[field];
      if (kind === 'int' || kind === 'boolean') column[i] = Number(value);
      else if (kind === 'string') column[i] = intern(value as string);
      else if (kind === 'optional-string') column[i] = value === undefined ? -1 : intern(value as string);
      else column[i] = kind.indexOf(value as string);
    });
    columns[field] = column;
  }
  return { length: rows.length, strings, columns };
}

/** Why `table` does not hold valid rows of `spec`, or null when every cell is valid. */
function columnProblem(spec: ColumnSpec<object>, table: RowColumns): string | null {
  const { length, strings, columns } = table;
  for (const s of strings) if (typeof s !== 'string') return 'strings: expected only strings';
  const fields = Object.entries(spec) as [string, ColumnKind][];
  if (Object.keys(columns).length !== fields.length) return 'columns: expected exactly the row fields';
  for (const [field, kind] of fields) {
    const column = columns[field];
    const expected = arrayFor(kind, 0).constructor;
    if (!column || column.constructor !== expected || column.length !== length)
      return `columns.${field}: expected ${expected.name} of length ${length}`;
    for (let i = 0; i < length; i++) {
      const v = column[i]!;
      const ok =
        kind === 'int'
          ? Number.isSafeInteger(v)
          : kind === 'string'
            ? v >= 0 && v < strings.length
            : kind === 'optional-string'
              ? v >= -1 && v < strings.length
              : kind === 'boolean'
                ? v <= 1
                : v < kind.length;
      if (!ok) return `columns.${field}[${i}]: ${v} is not a valid cell`;
    }
  }
  return null;
}

/** Decodes checked columns back into rows (the page's side). */
function decodeRows<Row>(spec: ColumnSpec<Row>, table: RowColumns): Row[] {
  const fields = Object.entries(spec) as [string, ColumnKind][];
  const rows: Row[] = new Array<Row>(table.length);
  for (let i = 0; i < table.length; i++) {
    const row: Record<string, unknown> = {};
    for (const [field, kind] of fields) {
      const v = table.columns[field]![i]!;
      if (kind === 'int') row[field] = v;
      else if (kind === 'boolean') row[field] = v === 1;
      else if (kind === 'string') row[field] = table.strings[v];
      else if (kind === 'optional-string') {
        if (v >= 0) row[field] = table.strings[v];
      } else row[field] = kind[v];
    }
    rows[i] = row as Row;
  }
  return rows;
}

const rowColumnsSchema = z.strictObject({
  length: z.int().check(z.minimum(0), z.maximum(1_000_000)),
  strings: z.array(z.unknown()),
  columns: z.record(
    z.string(),
    z.union([z.instanceof(Float64Array), z.instanceof(Int32Array), z.instanceof(Uint8Array)]),
  ),
});

/** A row list that travels as columns: its schema (input {@link RowColumns}, output the rows) and its encoder. */
export interface RowTable<Row> {
  readonly schema: z.ZodMiniPipe<z.ZodMiniType<RowColumns, RowColumns>, z.ZodMiniTransform<Row[], RowColumns>>;
  /** Encodes rows for posting (the worker's side). */
  encode(rows: readonly Row[]): RowColumns;
}

/**
 * A row list of `rowSchema`'s rows that travels as columns. `spec` gives each field its column
 * kind; the tests decode encoded rows and check every one against `rowSchema`.
 */
export function rowTable<RowSchema extends z.ZodMiniType<object>>(
  rowSchema: RowSchema,
  spec: ColumnSpec<z.output<RowSchema>>,
): RowTable<z.output<RowSchema>> {
  void rowSchema; // the row type's source (and the tests' reference)
  const checked = rowColumnsSchema.check(
    z.superRefine((table, ctx) => {
      const problem = columnProblem(spec as ColumnSpec<object>, table as RowColumns);
      if (problem) ctx.addIssue({ code: 'custom', message: problem, input: table });
    }),
  ) as unknown as z.ZodMiniType<RowColumns, RowColumns>;
  return {
    schema: z.pipe(
      checked,
      z.transform((table: RowColumns) => decodeRows(spec, table)),
    ),
    encode: (rows) => encodeRows(spec, rows),
  };
}
