/**
 * A worker's contract: one table naming each procedure with the schemas of its request, its result
 * and (for long runs) its progress reports. Both sides are typed from it (`z.input` is what travels,
 * `z.output` what the receiver gets after checking), so no request or result type is written twice,
 * and both sides check every message against it: zod at the boundary, in both directions.
 * @module
 */
import type * as z from 'zod/mini';

/** One procedure's schemas. */
export interface ProcedureSchemas {
  readonly request: z.ZodMiniType;
  readonly result: z.ZodMiniType;
  readonly progress?: z.ZodMiniType;
}

/** A procedure table. */
export type Contract = { readonly [procedure: string]: ProcedureSchemas };

/** Names `contract` as a contract (checks its shape, keeps its literal types). */
export function defineContract<const C extends Contract>(contract: C): C {
  return contract;
}

/** A procedure's name. */
export type ProcedureOf<C extends Contract> = keyof C & string;

/** The parameters a caller passes (what goes on the wire). */
export type ParamsIn<C extends Contract, P extends ProcedureOf<C>> = z.input<C[P]['request']>;
/** The parameters a handler receives (after the host's check). */
export type ParamsOf<C extends Contract, P extends ProcedureOf<C>> = z.output<C[P]['request']>;
/** What a handler returns (what goes on the wire). */
export type ResultIn<C extends Contract, P extends ProcedureOf<C>> = z.input<C[P]['result']>;
/** What a caller's promise resolves with (after the client's check and decoding). */
export type ResultOf<C extends Contract, P extends ProcedureOf<C>> = z.output<C[P]['result']>;

type ProgressSchemaOf<C extends Contract, P extends ProcedureOf<C>> = C[P]['progress'] extends z.ZodMiniType
  ? C[P]['progress']
  : never;
/** A progress report as a handler sends it. */
export type ProgressIn<C extends Contract, P extends ProcedureOf<C>> = z.input<ProgressSchemaOf<C, P>>;
/** A progress report as the caller receives it. */
export type ProgressOf<C extends Contract, P extends ProcedureOf<C>> = z.output<ProgressSchemaOf<C, P>>;
