import type { TodoItem, TodoResponse } from "@contracts/home.js";
import { useQuery } from "@tanstack/react-query";
import { api } from "./client";

export type { TodoItem, TodoResponse };

/** What I must do next, computed by the server from the campaign tables; re-read on every visit. */
export function useTodo() {
  return useQuery({ queryKey: ["home", "todo"], queryFn: () => api<TodoResponse>("/api/home/todo"), staleTime: 0 });
}
