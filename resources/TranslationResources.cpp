// The translation and icon resources are attached to this library by CMake; this file only
// gives the static library an object of its own.
namespace bizdesk {
const char *translationResourcePrefix() { return ":/i18n"; }
} // namespace bizdesk
