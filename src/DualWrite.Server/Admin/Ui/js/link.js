import { ApiError } from './api.js';

// The link is missing (404) on a runtime that is not linked yet or was reset: a state to show, not a failure.

export async function connectionOrNull(api) {
  try {
    return await api.get('/connection');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export async function linkedCompanies(api) {
  return (await connectionOrNull(api))?.companies ?? [];
}
