import type {
  AddPositionBody,
  CreatePersonBody,
  EndPositionBody,
  PersonDetail,
  PersonListResponse,
  TransferBody,
  UpdatePersonBody,
} from "@contracts/people.js";
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { api } from "./client";
import { useOrgMutation } from "./units";

export type PersonList = z.infer<typeof PersonListResponse>;
export type PersonSummary = PersonList["items"][number];
export type Person = z.infer<typeof PersonDetail>;
export type Position = Person["positions"][number];

export interface PeopleQuery {
  q?: string;
  unitId?: string | null;
  limit?: number;
}

/** The first page of people in my scope, in Vietnamese name order; `q` ignores diacritics and case (pickers). */
export function usePeople(query: PeopleQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["people", "list", query],
    queryFn: ({ signal }) => api<PersonList>("/api/people", { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

/** People in my scope a page at a time (the people list); `fetchNextPage` reads on. */
export function usePeoplePages(query: Omit<PeopleQuery, "limit">) {
  return useInfiniteQuery({
    queryKey: ["people", "pages", query],
    queryFn: ({ pageParam, signal }) => api<PersonList>("/api/people", { query: { ...query, after: pageParam ?? undefined }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string | undefined) {
  return useQuery({
    queryKey: ["people", "detail", id],
    queryFn: () => api<Person>(`/api/people/${id}`),
    enabled: Boolean(id),
  });
}

export function useCreatePerson() {
  return useOrgMutation((body: z.input<typeof CreatePersonBody>) => api<{ id: string }>("/api/people", { method: "POST", body }));
}

export function useUpdatePerson(id: string) {
  return useOrgMutation((body: z.input<typeof UpdatePersonBody>) => api<void>(`/api/people/${id}`, { method: "PATCH", body }));
}

export function useAddPosition(personId: string) {
  return useOrgMutation((body: z.input<typeof AddPositionBody>) =>
    api<{ id: string }>(`/api/people/${personId}/positions`, { method: "POST", body }),
  );
}

export function useEndPosition(personId: string) {
  return useOrgMutation(({ positionId, ...body }: z.input<typeof EndPositionBody> & { positionId: string }) =>
    api<void>(`/api/people/${personId}/positions/${positionId}/end`, { method: "POST", body }),
  );
}

export function useTransferPerson(personId: string) {
  return useOrgMutation((body: z.input<typeof TransferBody>) => api<{ id: string }>(`/api/people/${personId}/transfer`, { method: "POST", body }));
}
