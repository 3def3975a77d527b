// Page-side globals used inside page.evaluate callbacks (the Node-side project has no DOM lib).
interface PageStorage {
  readonly length: number;
  getItem(key: string): string | null;
}
declare const localStorage: PageStorage;
declare const sessionStorage: PageStorage;
