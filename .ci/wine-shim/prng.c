#include <windows.h>
/* ProcessPrng for wine 8.0, which lacks bcryptprimitives.dll: Go >= 1.24 needs it at start. */
typedef BOOLEAN (WINAPI *rtlgenrandom)(PVOID, ULONG);
BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  static rtlgenrandom fn;
  if (!fn) fn = (rtlgenrandom)GetProcAddress(LoadLibraryA("advapi32.dll"), "SystemFunction036");
  while (len > 0) { ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len; if (!fn(data, n)) return FALSE; data += n; len -= n; }
  return TRUE;
}
