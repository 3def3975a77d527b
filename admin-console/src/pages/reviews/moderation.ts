// The shop's moderation of what shoppers wrote (评价, 问题, 回答) on the content pages: writing as the
// shop (prompt → POST → message → reload), and hiding or restoring (confirm → POST → message → reload).
import { ElMessage, ElMessageBox } from "element-plus";
import { errorMessage } from "../../api/client";

export type Visibility = "visible" | "hidden";

/** The row's action button: 隐藏 while shown, 恢复 while hidden. */
export const toggleLabel = (status: Visibility) => (status === "visible" ? "隐藏" : "恢复");
export const toggleType = (status: Visibility) => (status === "visible" ? "danger" : "primary");

/** A message box the merchant closed or cancelled (not an error to show). */
export const cancelled = (e: unknown) => e === "cancel" || e === "close";

/**
 * Flips one item's visibility after the merchant confirms (`confirm.restore` unset: restoring asks
 * nothing), then says so and reloads the list.
 */
export async function toggleVisibility(opts: {
  status: Visibility;
  /** 评价 / 问题 / 回答: the dialog's title is 隐藏{what} or 恢复{what}. */
  what: string;
  confirm: { hide: string; restore?: string };
  post: (visible: boolean) => Promise<unknown>;
  reload: () => Promise<unknown>;
}) {
  const hide = opts.status === "visible";
  const question = hide ? opts.confirm.hide : opts.confirm.restore;
  try {
    if (question)
      await ElMessageBox.confirm(question, `${hide ? "隐藏" : "恢复"}${opts.what}`, {
        confirmButtonText: hide ? "隐藏" : "恢复",
        cancelButtonText: "取消",
        type: "warning",
      });
    await opts.post(!hide);
    ElMessage.success(hide ? "已隐藏" : "已恢复显示");
    await opts.reload();
  } catch (e) {
    if (!cancelled(e)) ElMessage.error(errorMessage(e));
  }
}

/**
 * Asks for a text the shop publishes (an answer, a reply), posts it, says `done` and reloads the list.
 * The API's own message is shown when it refuses.
 */
export async function writeAsShop(opts: {
  message: string;
  title: string;
  confirmText: string;
  initial?: string;
  validate: (value: string) => true | string;
  post: (content: string) => Promise<unknown>;
  done: string;
  reload: () => Promise<unknown>;
}) {
  try {
    const { value } = await ElMessageBox.prompt(opts.message, opts.title, {
      confirmButtonText: opts.confirmText,
      cancelButtonText: "取消",
      inputType: "textarea",
      ...(opts.initial === undefined ? {} : { inputValue: opts.initial }),
      inputValidator: (v) => opts.validate(v ?? ""),
    });
    await opts.post(value);
    ElMessage.success(opts.done);
    await opts.reload();
  } catch (e) {
    if (!cancelled(e)) ElMessage.error(errorMessage(e));
  }
}
