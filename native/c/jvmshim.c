/* Shadows the HotSpot JVM_* functions that libjava/libnio/libnet may call from a native image (after SVM's JvmFuncs.c). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <dlfcn.h>
#include <sched.h>
#include <unistd.h>
#include <sys/time.h>
#include <time.h>
#include <jni.h>
JNIEXPORT void JNICALL JVM_Halt(jint code) { exit(code); }
JNIEXPORT void JNICALL JVM_BeforeHalt(void) {}
JNIEXPORT jint JNICALL JVM_ActiveProcessorCount(void) { cpu_set_t s; if (sched_getaffinity(0, sizeof(s), &s) == 0) return CPU_COUNT(&s); return sysconf(_SC_NPROCESSORS_ONLN); }
JNIEXPORT jlong JNICALL JVM_CurrentTimeMillis(JNIEnv *e, jclass c) { struct timeval t; gettimeofday(&t, NULL); return (jlong) t.tv_sec * 1000 + t.tv_usec / 1000; }
JNIEXPORT jlong JNICALL JVM_NanoTime(JNIEnv *e, jclass c) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return (jlong) t.tv_sec * 1000000000LL + t.tv_nsec; }
JNIEXPORT jlong JNICALL JVM_GetNanoTimeAdjustment(JNIEnv *e, jclass c, jlong off) {
  struct timespec t; clock_gettime(CLOCK_REALTIME, &t); int64_t d = t.tv_sec - off;
  if (d >= 0x0100000000LL || d <= -0x0100000000LL) return -1; return d * 1000000000LL + t.tv_nsec; }
JNIEXPORT void *JNICALL JVM_FindLibraryEntry(void *h, const char *name) { return dlsym(h, name); }
JNIEXPORT void *JNICALL JVM_LoadLibrary(const char *name, jboolean throwOnError) { return dlopen(name, RTLD_LAZY); }
JNIEXPORT void JNICALL JVM_UnloadLibrary(void *h) { dlclose(h); }
JNIEXPORT jstring JNICALL JVM_GetTemporaryDirectory(JNIEnv *env) { return (*env)->NewStringUTF(env, "/tmp"); }
JNIEXPORT char *JNICALL JVM_NativePath(char *path) { return path; }
JNIEXPORT jboolean JNICALL JVM_IsSupportedJNIVersion(jint v) { return v >= JNI_VERSION_1_1 && v <= JNI_VERSION_24; }
JNIEXPORT jboolean JNICALL JVM_IsContainerized(void) { return JNI_FALSE; }
JNIEXPORT jboolean JNICALL JVM_IsUseContainerSupport(void) { return JNI_FALSE; }
JNIEXPORT jboolean JNICALL JVM_IsStaticallyLinked(void) { return JNI_FALSE; }
JNIEXPORT int jio_vsnprintf(char *s, size_t n, const char *f, va_list a) {
  if ((intptr_t) n <= 0) return -1; int r = vsnprintf(s, n, f, a);
  if ((r > 0 && (size_t) r >= n) || r == -1) { s[n - 1] = '\0'; r = -1; } return r; }
JNIEXPORT int jio_snprintf(char *s, size_t n, const char *f, ...) { va_list a; va_start(a, f); int r = jio_vsnprintf(s, n, f, a); va_end(a); return r; }
JNIEXPORT int jio_vfprintf(FILE *fp, const char *f, va_list a) { return vfprintf(fp, f, a); }
JNIEXPORT int jio_fprintf(FILE *fp, const char *f, ...) { va_list a; va_start(a, f); int r = vfprintf(fp, f, a); va_end(a); return r; }
