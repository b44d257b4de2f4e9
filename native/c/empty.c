static int svm_unused_dummy;
