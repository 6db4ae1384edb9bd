import { TodoResponse } from "@contracts/home.js";
import { actorOf, type Feature } from "../../http/app-types.js";
import { listTodo } from "./home.service.js";

export const homeRoutes: Feature = (app, { db }) => {
  app.get(
    "/api/home/todo",
    { schema: { tags: ["Trang chủ"], summary: "Việc cần làm tiếp theo của người đăng nhập, theo vai trò", response: { 200: TodoResponse } } },
    async (req) => listTodo({ db, actor: actorOf(req) }),
  );
};
