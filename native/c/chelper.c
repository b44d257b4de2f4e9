/* Minimal stand-ins for GraalVM's libchelper (written for this experiment). */
#define _GNU_SOURCE
#include <semaphore.h>
#include <signal.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <cpuid.h>
#include "amd64cpufeatures.h"
#include "svm_locale.h"

static sem_t svm_sig_sem;
static volatile int svm_sig_pending[NSIG];
int cSunMiscSignal_open(void) { return sem_init(&svm_sig_sem, 0, 0); }
int cSunMiscSignal_close(void) { return sem_destroy(&svm_sig_sem); }
int cSunMiscSignal_awaitSemaphore(void) { int r; while ((r = sem_wait(&svm_sig_sem)) == -1 && errno == EINTR) {} return r; }
int cSunMiscSignal_signalSemaphore(void) { return sem_post(&svm_sig_sem); }
int cSunMiscSignal_signalRangeCheck(int s) { return s > 0 && s < NSIG; }
int cSunMiscSignal_checkPendingSignal(void) {
  for (int i = 1; i < NSIG; i++) if (svm_sig_pending[i] > 0) { __sync_fetch_and_sub(&svm_sig_pending[i], 1); return i; }
  return -1;
}
static void svm_sig_handler(int sig) { __sync_fetch_and_add(&svm_sig_pending[sig], 1); sem_post(&svm_sig_sem); }
void *cSunMiscSignal_signalHandlerFunctionPointer(void) { return (void *) svm_sig_handler; }

void determineCPUFeatures(CPUFeatures *f) {
  memset(f, 0, sizeof(*f));
  unsigned a, b, c, d;
  __cpuid(1, a, b, c, d);
  f->fCX8 = (d >> 8) & 1; f->fCMOV = (d >> 15) & 1; f->fFXSR = (d >> 24) & 1; f->fMMX = (d >> 23) & 1;
  f->fSSE = (d >> 25) & 1; f->fSSE2 = (d >> 26) & 1; f->fTSC = (d >> 4) & 1;
  f->fSSE3 = c & 1; f->fSSSE3 = (c >> 9) & 1; f->fSSE4_1 = (c >> 19) & 1; f->fSSE4_2 = (c >> 20) & 1;
  f->fPOPCNT = (c >> 23) & 1; f->fAES = (c >> 25) & 1; f->fCLMUL = (c >> 1) & 1; f->fFMA = (c >> 12) & 1;
  int avx = ((c >> 28) & 1) && ((c >> 27) & 1);
  f->fAVX = avx; f->fVZEROUPPER = avx;
  __cpuid_count(7, 0, a, b, c, d);
  f->fAVX2 = avx && ((b >> 5) & 1); f->fBMI1 = (b >> 3) & 1; f->fBMI2 = (b >> 8) & 1; f->fERMS = (b >> 9) & 1;
  f->fADX = (b >> 19) & 1; f->fSHA = (b >> 29) & 1;
  __cpuid(0x80000001, a, b, c, d);
  f->fLZCNT = (c >> 5) & 1;
}
int checkCPUFeatures(char *buildtime) { return 0; }
int checkCPUFeaturesOrExit(char *buildtime, char *msg) { return 0; }

int getThreadId(void) { return (int) syscall(SYS_gettid); }

static svm_locale_props_t svm_props;
static void svm_parse_locale(const char *l, char **lang, char **country) {
  *lang = NULL; *country = NULL;
  if (l == NULL || *l == '\0' || strcmp(l, "C") == 0 || strncmp(l, "C.", 2) == 0 || strcmp(l, "POSIX") == 0) { *lang = strdup("en"); return; }
  char buf[64]; strncpy(buf, l, sizeof(buf) - 1); buf[sizeof(buf) - 1] = '\0';
  char *cut = strpbrk(buf, ".@"); if (cut != NULL) *cut = '\0';
  char *us = strchr(buf, '_'); if (us != NULL) { *us = '\0'; *country = strdup(us + 1); }
  *lang = strdup(buf);
}
int svm_initialize_locale(void) {
  const char *l = getenv("LC_ALL"); if (l == NULL || *l == '\0') l = getenv("LANG");
  svm_parse_locale(l, &svm_props.format_language, &svm_props.format_country);
  svm_parse_locale(l, &svm_props.display_language, &svm_props.display_country);
  return SVM_LOCALE_INITIALIZATION_SUCCEEDED;
}
svm_locale_props_t *svm_get_locale(void) { return &svm_props; }

char *SVM_FindJavaTZmd(const char *tzmappings, int length) {
  const char *tz = getenv("TZ");
  if (tz != NULL && *tz != '\0') return strdup(*tz == ':' ? tz + 1 : tz);
  char buf[4096]; ssize_t n = readlink("/etc/localtime", buf, sizeof(buf) - 1);
  if (n > 0) { buf[n] = '\0'; char *z = strstr(buf, "zoneinfo/"); if (z != NULL) return strdup(z + 9); }
  return strdup("UTC");
}

void *mremapP(void *old, size_t oldsz, size_t newsz, int flags, void *newaddr) { return mremap(old, oldsz, newsz, flags, newaddr); }
int openSII(const char *path, int flags, int mode) { return open(path, flags, mode); }
int fprintfSD(FILE *f, const char *fmt, const char *s, int d) { return fprintf(f, fmt, s, d); }
