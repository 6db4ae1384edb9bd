import type { WebFeature } from "@web/app/registry";
import { TodoWidget } from "./todo-widget";

/** The home page's "Việc cần làm" card (GET /api/home/todo), for every signed-in account. */
export const todoFeature: WebFeature = {
  name: "todo",
  homeWidgets: [{ key: "todo", component: TodoWidget, order: 5, width: "full" }],
};
