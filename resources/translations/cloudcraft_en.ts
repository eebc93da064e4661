<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>Cloudcraft::Ui::AccountController</name>
    <message numerus="yes">
        <source>%n region(s) downloaded</source>
        <translation>
            <numerusform>%n region downloaded</numerusform>
            <numerusform>%n regions downloaded</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::CacheSettingsPage</name>
    <message numerus="yes">
        <source>%1 in %n item(s)</source>
        <translation>
            <numerusform>%1 in %n item</numerusform>
            <numerusform>%1 in %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ChangeListPanel</name>
    <message numerus="yes">
        <source>%1 different (%2 % of %3 compared) in %n region(s).</source>
        <translation>
            <numerusform>%1 different (%2 % of %3 compared) in %n region.</numerusform>
            <numerusform>%1 different (%2 % of %3 compared) in %n regions.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ExportDialog</name>
    <message numerus="yes">
        <source>Export %n blueprint(s)</source>
        <translation>
            <numerusform>Export %n blueprint</numerusform>
            <numerusform>Export %n blueprints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> and %n more</numerusform>
            <numerusform> and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n blueprint(s): %1</source>
        <translation>
            <numerusform>Exporting %n blueprint: %1</numerusform>
            <numerusform>Exporting %n blueprints: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ExportProgressView</name>
    <message numerus="yes">
        <source>%1 of %n item(s) done</source>
        <translation>
            <numerusform>%1 of %n item done</numerusform>
            <numerusform>%1 of %n items done</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n written</source>
        <translation>
            <numerusform>%n written</numerusform>
            <numerusform>%n written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ImportDialog</name>
    <message numerus="yes">
        <source>%n component(s)</source>
        <translation>
            <numerusform>%n component</numerusform>
            <numerusform>%n components</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s) of unmapped types</source>
        <translation>
            <numerusform>%n resource of an unmapped type</numerusform>
            <numerusform>%n resources of unmapped types</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n resource(s) folded into what they configure</source>
        <translation>
            <numerusform>%n resource folded into what it configures</numerusform>
            <numerusform>%n resources folded into what they configure</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::InspectorPanel</name>
    <message numerus="yes">
        <source>%n item(s) in %1 types</source>
        <translation>
            <numerusform>%n item in %1 types</numerusform>
            <numerusform>%n items in %1 types</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::InventoryDialog</name>
    <message numerus="yes">
        <source>%n resource(s) in %1 region(s): %2.</source>
        <translation>
            <numerusform>%n resource in %1 region(s): %2.</numerusform>
            <numerusform>%n resources in %1 region(s): %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::OfflineBanner</name>
    <message numerus="yes">
        <source>Next try in %n s</source>
        <translation>
            <numerusform>Next try in %n s</numerusform>
            <numerusform>Next try in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::StatusPanel</name>
    <message numerus="yes">
        <source>%n request(s) in progress</source>
        <translation>
            <numerusform>%n request in progress</numerusform>
            <numerusform>%n requests in progress</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::TimelineStrip</name>
    <message numerus="yes">
        <source>Timeline — %n snapshot(s)</source>
        <translation>
            <numerusform>Timeline — %n snapshot</numerusform>
            <numerusform>Timeline — %n snapshots</numerusform>
        </translation>
    </message>
</context>
</TS>
