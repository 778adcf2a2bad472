import type { DecisionMethod } from '../../api/types.ts';

/** Methods whose ballot orders the options (the others approve options or answer yes/no). */
export const orderingMethods: readonly DecisionMethod[] = ['irv', 'stv', 'schulze'];
/** Methods that take options to rank or approve (motions only). */
export const optionMethods: readonly DecisionMethod[] = [...orderingMethods, 'approval'];
/** Methods that can elect several options (`seats`). */
export const multiSeatMethods: readonly DecisionMethod[] = ['stv', 'approval'];
