#include "ui/shell/Application.h"

int main(int argc, char *argv[])
{
    return bizdesk::ui::Application::run(argc, argv);
}
