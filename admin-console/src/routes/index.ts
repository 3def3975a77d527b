// Each domain lists its pages in its own file (one chunk per page, loaded on demand); the menu is
// built from them in MENU_GROUPS order.
import afterSales from "./after-sales";
import catalog from "./catalog";
import content from "./content";
import logistics from "./logistics";
import marketing from "./marketing";
import orders from "./orders";
import overview from "./overview";
import service from "./service";
import { type ConsolePages, MENU_GROUPS } from "./types";

export const pages: ConsolePages = [
  overview,
  catalog,
  content,
  orders,
  afterSales,
  marketing,
  service,
  logistics,
].flat();

export { MENU_GROUPS };
