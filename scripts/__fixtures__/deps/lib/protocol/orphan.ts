export const nobodyImportsMe = 1;
