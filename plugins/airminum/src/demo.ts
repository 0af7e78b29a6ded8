export async function airminumDemo(): Promise<void> {}
