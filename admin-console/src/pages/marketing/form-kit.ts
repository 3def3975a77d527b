/**
 * Small helpers shared by the marketing and logistics forms: yuan in the UI, fen in the API; one
 * submit wrapper that keeps the API's message and its per-field messages for the form.
 */
import { ElMessageBox, type FormInstance } from "element-plus";
import { reactive, ref, watch } from "vue";
import { ApiError, errorMessage } from "../../api/client";

/** Yuan typed in a form (2 decimals) → integer fen for the API. */
export const toFen = (yuan: number) => Math.round(yuan * 100);
/** Integer fen → yuan for a form field. */
export const toYuan = (fen: number) => fen / 100;

/** The busy flag, the API's message and its field messages ({ "tiers": "…", "validity": "…" }). */
export function useSubmit() {
  const busy = ref(false);
  const serverError = ref<string | null>(null);
  const fieldErrors = ref<Record<string, string>>({});
  function reset() {
    serverError.value = null;
    fieldErrors.value = {};
  }
  /** Runs `send`; on failure keeps the messages and returns undefined. */
  async function run<T>(send: () => Promise<T>): Promise<T | undefined> {
    reset();
    busy.value = true;
    try {
      return await send();
    } catch (e) {
      if (e instanceof ApiError) fieldErrors.value = e.fields;
      serverError.value = errorMessage(e);
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  /** The first field message whose path starts with one of `paths` (e.g. "tiers" covers "tiers.0.reduceFen"). */
  const fieldError = (...paths: string[]) => {
    for (const [k, v] of Object.entries(fieldErrors.value))
      if (paths.some((p) => k === p || k.startsWith(`${p}.`))) return v;
    return undefined;
  };
  return { busy, serverError, fieldErrors, fieldError, reset, run };
}

/**
 * A dialog's form: each time the dialog opens, a fresh `blank()` (then `onOpen` fills it for an edit),
 * no messages from last time and no validation marks. Bind `formRef` as the el-form's ref.
 */
export function useDialogForm<F extends object>(
  isOpen: () => boolean,
  blank: () => F,
  onOpen?: (form: F) => void,
) {
  const form = reactive(blank()) as F;
  const formRef = ref<FormInstance>();
  const submit = useSubmit();
  watch(isOpen, (open) => {
    if (!open) return;
    submit.reset();
    Object.assign(form, blank());
    onOpen?.(form);
    formRef.value?.clearValidate();
  });
  return { form, formRef, ...submit };
}

/** Ids typed as "1, 2，3" (commas, full-width commas or spaces). */
export const idsFrom = (text: string) =>
  text
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map(Number);

/** A destructive action asks first; false when the staff member dismissed the box. */
export async function confirmed(message: string, title: string, confirmText: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, {
      confirmButtonText: confirmText,
      cancelButtonText: "取消",
      type: "warning",
    });
    return true;
  } catch {
    return false;
  }
}

/** yyyy-MM-dd HH:mm range picker values ↔ epoch ms. */
export const rangeToMs = (range: [Date, Date] | null) =>
  range ? { startsAt: range[0].getTime(), endsAt: range[1].getTime() } : null;
