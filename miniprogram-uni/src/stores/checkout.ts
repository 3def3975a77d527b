import { reactive } from "vue";

/** The address picked on the address page in "select" mode, read back by the checkout page. */
export const checkoutState = reactive<{ addressId: number | null }>({ addressId: null });
