// The one translation unit that compiles stb_image for the app tests.
#define STB_IMAGE_IMPLEMENTATION
#include <stb_image.h>
