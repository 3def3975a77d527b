// Hiding and restoring what shoppers wrote (评价, 问题, 回答): one confirm → POST → message → reload flow
// for the content pages.
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
