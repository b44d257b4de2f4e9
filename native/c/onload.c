/* JNI_OnLoad_<lib> for the image: forward to the JDK's shared library JNI_OnLoad. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <jni.h>
static jint fwd(const char *so, JavaVM *vm, void *r) {
  void *h = dlopen(so, RTLD_LAZY | RTLD_NOLOAD);
  if (h == NULL) return JNI_VERSION_1_8;
  jint (*f)(JavaVM *, void *) = (jint (*)(JavaVM *, void *)) dlsym(h, "JNI_OnLoad");
  if (f == NULL) return JNI_VERSION_1_8;
  jint v = f(vm, r);
  return v < 0 ? v : (v < JNI_VERSION_1_8 ? JNI_VERSION_1_8 : v);
}
JNIEXPORT jint JNICALL JNI_OnLoad_java(JavaVM *vm, void *r) { return fwd("libjava.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_nio(JavaVM *vm, void *r) { return fwd("libnio.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_net(JavaVM *vm, void *r) { return fwd("libnet.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_zip(JavaVM *vm, void *r) { return fwd("libzip.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_extnet(JavaVM *vm, void *r) { return fwd("libextnet.so", vm, r); }
JNIEXPORT jint JNICALL JNI_OnLoad_management_ext(JavaVM *vm, void *r) { return fwd("libmanagement_ext.so", vm, r); }
