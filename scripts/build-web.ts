export async function buildWeb(_: { force?: boolean }) {}
