import { createRouter, createWebHashHistory } from "vue-router";
import { pageAllowed } from "./auth/access";
import { session } from "./auth/session";
import { pages } from "./routes";

export { pages };

/** The pages this role may open, in menu order. */
export const pagesFor = (role: string | undefined) => pages.filter((p) => pageAllowed(role as never, p.meta));

export const router = createRouter({
  // Hash routing: the worker serves /admin/index.html and its assets; no server-side fallback needed.
  history: createWebHashHistory(),
  routes: [
    {
      path: "/login",
      name: "login",
      component: () => import("./pages/LoginPage.vue"),
      meta: { title: "登录" },
    },
    {
      path: "/",
      component: () => import("./layouts/ConsoleLayout.vue"),
      children: [
        { path: "", name: "home", component: () => import("./pages/HomePage.vue"), meta: { title: "首页" } },
        ...pages,
      ],
    },
    { path: "/:rest(.*)*", redirect: "/" },
  ],
});

router.beforeEach((to) => {
  const role = session.current?.staff.role;
  if (to.name === "login") return role ? { name: "home" } : true;
  if (!role) return { name: "login", query: to.fullPath === "/" ? {} : { redirect: to.fullPath } };
  // A page this role may not use: go to the first one it may (HomePage explains when there is none).
  if (!pageAllowed(role, to.meta)) return { name: "home" };
  if (to.name === "home") {
    const first = pagesFor(role).find((p) => p.meta?.menu);
    if (first) return { name: first.name as string };
  }
  return true;
});

router.afterEach((to) => {
  document.title = `${to.meta.title ?? ""} · 家电商城商家后台`;
});
