import { commonErrorResponses, errorResponseSchema } from '../../http/error-schema.ts';

/** What every pact route shares: its OpenAPI tag and error responses (409 state, 422 infeasible). */
export const pactTags = ['pacts'];
export const pactErrors = { ...commonErrorResponses, 409: errorResponseSchema, 422: errorResponseSchema };
