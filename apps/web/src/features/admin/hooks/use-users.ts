import type { CreateUserRequest, UpdateUserRequest, UserSummary } from '@caseload/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createUser, fetchUsers, resetPassword, updateUser } from '../utils/admin-api';

export const USERS_QUERY_KEY = ['admin', 'users'] as const;

export function useUsers() {
  // Another admin may change users at any time: a visit to the page asks again.
  return useQuery({ queryKey: USERS_QUERY_KEY, queryFn: ({ signal }) => fetchUsers(signal), staleTime: 0 });
}

/** Every change refreshes the list, so the table shows what the server now holds. */
function useRefreshUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: USERS_QUERY_KEY });
}

export function useCreateUser() {
  const refresh = useRefreshUsers();
  return useMutation<UserSummary, Error, CreateUserRequest>({ mutationFn: createUser, onSuccess: refresh });
}

export function useUpdateUser() {
  const refresh = useRefreshUsers();
  return useMutation<UserSummary, Error, { id: number; changes: UpdateUserRequest }>({
    mutationFn: ({ id, changes }) => updateUser(id, changes),
    onSuccess: refresh,
  });
}

export function useResetPassword() {
  const refresh = useRefreshUsers();
  return useMutation<void, Error, { id: number; password: string }>({
    mutationFn: ({ id, password }) => resetPassword(id, password),
    onSuccess: refresh,
  });
}
