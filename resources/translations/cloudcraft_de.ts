<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>Cloudcraft::Ui::AboutDialog</name>
    <message>
        <source>Qt %1 · QtKeychain %2 · librsvg %3</source>
        <translation>Qt %1 · QtKeychain %2 · librsvg %3</translation>
    </message>
    <message>
        <source>About Cloudcraft Desktop</source>
        <translation>Über Cloudcraft Desktop</translation>
    </message>
    <message>
        <source>Application icon</source>
        <translation>Anwendungssymbol</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Über</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Cloudcraft Desktop %1&lt;/h2&gt;&lt;p&gt;Browse, inspect and present the architecture diagrams of your Cloudcraft workspace.&lt;/p&gt;&lt;p&gt;Built with %2.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Cloudcraft Desktop %1&lt;/h2&gt;&lt;p&gt;Die Architekturdiagramme Ihres Cloudcraft-Arbeitsbereichs durchsuchen, prüfen und präsentieren.&lt;/p&gt;&lt;p&gt;Erstellt mit %2.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::AccountController</name>
    <message>
        <source>Not available offline: this region was not scanned before the connection was lost.</source>
        <translation>Offline nicht verfügbar: Diese Region wurde nicht gescannt, bevor die Verbindung abbrach.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::CacheSettingsPage</name>
    <message>
        <source>&amp;Clear cache</source>
        <translation>Cache &amp;leeren</translation>
    </message>
    <message>
        <source>Cache settings</source>
        <translation>Cache-Einstellungen</translation>
    </message>
    <message>
        <source>Diagram renders and the lists of your blueprints and accounts are kept on this computer, so looking at them again is instant, spends no export budget and works offline. Each profile has its own cache.</source>
        <translation>Gerenderte Diagramme und die Listen Ihrer Blueprints und Konten werden auf diesem Computer aufbewahrt: Erneutes Ansehen geht sofort, verbraucht kein Exportbudget und funktioniert offline. Jedes Profil hat seinen eigenen Cache.</translation>
    </message>
    <message>
        <source>About the cache</source>
        <translation>Über den Cache</translation>
    </message>
    <message>
        <source>Disk space used by the cache</source>
        <translation>Vom Cache belegter Speicherplatz</translation>
    </message>
    <message>
        <source>Cache folder</source>
        <translation>Cache-Ordner</translation>
    </message>
    <message>
        <source>Cache size limit</source>
        <translation>Größenbegrenzung des Caches</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Above this size the renders looked at least recently are removed first.</source>
        <translation>Oberhalb dieser Größe werden zuerst die am längsten nicht angesehenen Renderings entfernt.</translation>
    </message>
    <message>
        <source>Clear cache</source>
        <translation>Cache leeren</translation>
    </message>
    <message>
        <source>Remove every cached render and list of this profile; they are fetched again when needed.</source>
        <translation>Alle zwischengespeicherten Renderings und Listen dieses Profils entfernen; sie werden bei Bedarf neu geladen.</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>Belegt:</translation>
    </message>
    <message>
        <source>Limit:</source>
        <translation>Grenze:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Nothing cached yet (sign in first).</source>
        <translation>Noch nichts zwischengespeichert (melden Sie sich zuerst an).</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n item(s)</source>
        <translation>
            <numerusform>%1 in %n Eintrag</numerusform>
            <numerusform>%1 in %n Einträgen</numerusform>
        </translation>
    </message>
    <message>
        <source>Cleared %1.</source>
        <translation>%1 freigegeben.</translation>
    </message>
    <message>
        <source>The cache could not be cleared completely: %1</source>
        <translation>Der Cache konnte nicht vollständig geleert werden: %1</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ExportController</name>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Export the selected blueprints as PNG, SVG, PDF, draw.io, JSON or budget</source>
        <translation>Die gewählten Blueprints als PNG, SVG, PDF, draw.io, JSON oder Budget exportieren</translation>
    </message>
    <message>
        <source>&amp;Copy image</source>
        <translation>Bild &amp;kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>Copy the previewed diagram as an image and as a PNG file</source>
        <translation>Das angezeigte Diagramm als Bild und als PNG-Datei kopieren</translation>
    </message>
    <message>
        <source>Sign in to export blueprints.</source>
        <translation>Melden Sie sich an, um Blueprints zu exportieren.</translation>
    </message>
    <message>
        <source>Select one or more blueprints to export.</source>
        <translation>Wählen Sie einen oder mehrere Blueprints zum Exportieren.</translation>
    </message>
    <message>
        <source>Diagram copied as an image and as a PNG file: paste it into your slides or a folder.</source>
        <translation>Diagramm als Bild und als PNG-Datei kopiert: Fügen Sie es in Ihre Folien oder einen Ordner ein.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ExportDefaultsPage</name>
    <message>
        <source>Default export options</source>
        <translation>Standard-Exportoptionen</translation>
    </message>
    <message>
        <source>The export dialog starts with these options for profile "%1"; each export remembers the options it used.</source>
        <translation>Der Exportdialog beginnt für das Profil „%1“ mit diesen Optionen; jeder Export merkt sich die verwendeten Optionen.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Export “%1”</source>
        <translation>„%1“ exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Export %n blueprint(s)</source>
        <translation>
            <numerusform>%n Blueprint exportieren</numerusform>
            <numerusform>%n Blueprints exportieren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> und %n weiterer</numerusform>
            <numerusform> und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n blueprint(s): %1</source>
        <translation>
            <numerusform>%n Blueprint wird exportiert: %1</numerusform>
            <numerusform>%n Blueprints werden exportiert: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation>Zielordner</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Save &amp;in:</source>
        <translation>Speichern &amp;in:</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>Ordner ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Choose the destination folder</source>
        <translation>Den Zielordner wählen</translation>
    </message>
    <message>
        <source>Choose a folder to save the files in.</source>
        <translation>Wählen Sie einen Ordner, in dem die Dateien gespeichert werden.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ExportOptionsWidget</name>
    <message>
        <source>Export options</source>
        <translation>Exportoptionen</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>As drawn</source>
        <translation>Wie gezeichnet</translation>
    </message>
    <message>
        <source>1920 px wide (Full HD)</source>
        <translation>1920 px breit (Full HD)</translation>
    </message>
    <message>
        <source>3840 px wide (4K)</source>
        <translation>3840 px breit (4K)</translation>
    </message>
    <message>
        <source>7680 px wide (8K)</source>
        <translation>7680 px breit (8K)</translation>
    </message>
    <message>
        <source>Custom size</source>
        <translation>Eigene Größe</translation>
    </message>
    <message>
        <source>Width in pixels</source>
        <translation>Breite in Pixeln</translation>
    </message>
    <message>
        <source>Height in pixels</source>
        <translation>Höhe in Pixeln</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>&amp;Transparent background</source>
        <translation>&amp;Transparenter Hintergrund</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>Transparenter Hintergrund</translation>
    </message>
    <message>
        <source>Show the &amp;grid</source>
        <translation>&amp;Raster anzeigen</translation>
    </message>
    <message>
        <source>Show the grid</source>
        <translation>Raster anzeigen</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Papierformat</translation>
    </message>
    <message>
        <source>&amp;Landscape</source>
        <translation>&amp;Querformat</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Querformat</translation>
    </message>
    <message>
        <source>File name template</source>
        <translation>Vorlage für Dateinamen</translation>
    </message>
    <message>
        <source>Placeholders: %1</source>
        <translation>Platzhalter: %1</translation>
    </message>
    <message>
        <source>Example file name</source>
        <translation>Beispiel-Dateiname</translation>
    </message>
    <message>
        <source>When a file exists</source>
        <translation>Wenn eine Datei existiert</translation>
    </message>
    <message>
        <source>Overwrite it</source>
        <translation>Überschreiben</translation>
    </message>
    <message>
        <source>Keep both (add a number)</source>
        <translation>Beide behalten (Nummer anhängen)</translation>
    </message>
    <message>
        <source>Skip the item</source>
        <translation>Element überspringen</translation>
    </message>
    <message>
        <source>A file with exactly the same content is never rewritten.</source>
        <translation>Eine Datei mit genau gleichem Inhalt wird nie neu geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>&amp;Size:</source>
        <translation>&amp;Größe:</translation>
    </message>
    <message>
        <source>Custom si&amp;ze:</source>
        <translation>Eigene Grö&amp;ße:</translation>
    </message>
    <message>
        <source>S&amp;cale:</source>
        <translation>S&amp;kalierung:</translation>
    </message>
    <message>
        <source>&amp;Paper (PDF):</source>
        <translation>&amp;Papier (PDF):</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>Datei&amp;name:</translation>
    </message>
    <message>
        <source>If the file &amp;exists:</source>
        <translation>Wenn die Datei &amp;existiert:</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <source>SVG vector image</source>
        <translation>SVG-Vektorbild</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>draw.io diagram (mxGraph)</source>
        <translation>draw.io-Diagramm (mxGraph)</translation>
    </message>
    <message>
        <source>JSON document</source>
        <translation>JSON-Dokument</translation>
    </message>
    <message>
        <source>Budget (CSV)</source>
        <translation>Budget (CSV)</translation>
    </message>
    <message>
        <source>Blueprint name</source>
        <translation>Blueprint-Name</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>Beispiel: %1</translation>
    </message>
    <message>
        <source>Unknown placeholder(s) kept as typed: %1</source>
        <translation>Unbekannte Platzhalter wie eingegeben übernommen: %1</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ExportProgressView</name>
    <message>
        <source>Export progress</source>
        <translation>Exportfortschritt</translation>
    </message>
    <message>
        <source>Overall progress</source>
        <translation>Gesamtfortschritt</translation>
    </message>
    <message>
        <source>Exported items</source>
        <translation>Exportierte Elemente</translation>
    </message>
    <message>
        <source>Blueprint</source>
        <translation>Blueprint</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Export budget wait</source>
        <translation>Warten auf Exportbudget</translation>
    </message>
    <message>
        <source>Export summary</source>
        <translation>Exportübersicht</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In der Warteschlange</translation>
    </message>
    <message>
        <source>Waiting for the export budget</source>
        <translation>Wartet auf das Exportbudget</translation>
    </message>
    <message>
        <source>Exporting… %1 %</source>
        <translation>Wird exportiert… %1 %</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Geschrieben</translation>
    </message>
    <message>
        <source>Skipped: unchanged</source>
        <translation>Übersprungen: unverändert</translation>
    </message>
    <message>
        <source>Skipped: the file exists</source>
        <translation>Übersprungen: Datei existiert</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n item(s) done</source>
        <translation>
            <numerusform>%1 von %n Element erledigt</numerusform>
            <numerusform>%1 von %n Elementen erledigt</numerusform>
        </translation>
    </message>
    <message>
        <source>Next export allowed in %1 s (Cloudcraft allows a few exports a minute).</source>
        <translation>Nächster Export in %1 s möglich (Cloudcraft erlaubt nur wenige Exporte pro Minute).</translation>
    </message>
    <message numerus="yes">
        <source>%n written</source>
        <translation>
            <numerusform>%n geschrieben</numerusform>
            <numerusform>%n geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n abgebrochen</numerusform>
            <numerusform>%n abgebrochen</numerusform>
        </translation>
    </message>
    <message>
        <source>The disk is full: free some space and export again; previous files were kept.</source>
        <translation>Der Datenträger ist voll: Geben Sie Speicherplatz frei und exportieren Sie erneut; vorhandene Dateien wurden behalten.</translation>
    </message>
    <message>
        <source>Export cancelled: %1</source>
        <translation>Export abgebrochen: %1</translation>
    </message>
    <message>
        <source>Export finished: %1</source>
        <translation>Export abgeschlossen: %1</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::GeneralSettingsPage</name>
    <message>
        <source>General settings</source>
        <translation>Allgemeine Einstellungen</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Reopen with the last window layout and selected blueprint</source>
        <translation>Mit der letzten Fensteranordnung und dem zuletzt gewählten Blueprint &amp;öffnen</translation>
    </message>
    <message>
        <source>Reopen with the last window layout and selected blueprint</source>
        <translation>Mit der letzten Fensteranordnung und dem zuletzt gewählten Blueprint öffnen</translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::InspectorPanel</name>
    <message>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Ressourcen</translation>
    </message>
    <message>
        <source>Resources by type</source>
        <translation>Ressourcen nach Typ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Resources status</source>
        <translation>Status der Ressourcen</translation>
    </message>
    <message>
        <source>Select a blueprint or an account to see its details.</source>
        <translation>Wählen Sie einen Blueprint oder ein Konto, um die Details zu sehen.</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Region to scan</source>
        <translation>Zu scannende Region</translation>
    </message>
    <message>
        <source>Scan region</source>
        <translation>Region scannen</translation>
    </message>
    <message>
        <source>Asks Cloudcraft for a live inventory of the region (counts as an export).</source>
        <translation>Fragt Cloudcraft nach dem aktuellen Bestand der Region (zählt als Export).</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Blueprint</source>
        <translation>Blueprint</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Geändert</translation>
    </message>
    <message>
        <source>Creator</source>
        <translation>Ersteller</translation>
    </message>
    <message>
        <source>Loading resources…</source>
        <translation>Ressourcen werden geladen…</translation>
    </message>
    <message>
        <source>No resources.</source>
        <translation>Keine Ressourcen.</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in %1 types</source>
        <translation>
            <numerusform>%n Element in %1 Typen</numerusform>
            <numerusform>%n Elemente in %1 Typen</numerusform>
        </translation>
    </message>
    <message>
        <source>Live inventory</source>
        <translation>Aktueller Bestand</translation>
    </message>
    <message>
        <source>Choose a region and scan it to see what runs there.</source>
        <translation>Wählen Sie eine Region und scannen Sie sie, um zu sehen, was dort läuft.</translation>
    </message>
    <message>
        <source>AWS account</source>
        <translation>AWS-Konto</translation>
    </message>
    <message>
        <source>Role ARN</source>
        <translation>Rollen-ARN</translation>
    </message>
    <message>
        <source>Azure subscription</source>
        <translation>Azure-Abonnement</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>Anwendung</translation>
    </message>
    <message>
        <source>Region of %1</source>
        <translation>Region von %1</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Scanning %1…</source>
        <translation>%1 wird gescannt…</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::MainWindow</name>
    <message>
        <source>Cloudcraft Desktop</source>
        <translation>Cloudcraft Desktop</translation>
    </message>
    <message>
        <source>Main areas</source>
        <translation>Hauptbereiche</translation>
    </message>
    <message>
        <source>Loading your blueprints and accounts…</source>
        <translation>Ihre Blueprints und Konten werden geladen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <source>&amp;Profiles</source>
        <translation>&amp;Profile</translation>
    </message>
    <message>
        <source>&amp;Switch to</source>
        <translation>&amp;Wechseln zu</translation>
    </message>
    <message>
        <source>&amp;Add profile…</source>
        <translation>Profil &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Replace API key…</source>
        <translation>API-Schlüssel &amp;ersetzen…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out of profile "%1" and remove its API key from this computer?</source>
        <translation>Vom Profil „%1“ abmelden und seinen API-Schlüssel von diesem Computer entfernen?</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Ctrl+=</source>
        <translation>Ctrl+=</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit to window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>&amp;Actual size (100 %)</source>
        <translation>&amp;Originalgröße (100 %)</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>Show &amp;inspector</source>
        <translation>&amp;Inspektor anzeigen</translation>
    </message>
    <message>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <source>F&amp;ull screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>&amp;About Cloudcraft Desktop</source>
        <translation>Ü&amp;ber Cloudcraft Desktop</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Name of the new profile (letters, digits, dots, dashes):</source>
        <translation>Name des neuen Profils (Buchstaben, Ziffern, Punkte, Bindestriche):</translation>
    </message>
    <message>
        <source>Cloudcraft Desktop — %1</source>
        <translation>Cloudcraft Desktop — %1</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::NavigatorPanel</name>
    <message>
        <source>Navigator</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <source>Filter by name, tag or id</source>
        <translation>Nach Name, Tag oder ID filtern</translation>
    </message>
    <message>
        <source>Group blueprints</source>
        <translation>Blueprints gruppieren</translation>
    </message>
    <message>
        <source>By tag</source>
        <translation>Nach Tag</translation>
    </message>
    <message>
        <source>By team</source>
        <translation>Nach Team</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt verwendet</translation>
    </message>
    <message>
        <source>Sort blueprints</source>
        <translation>Blueprints sortieren</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Zuletzt geändert</translation>
    </message>
    <message>
        <source>Blueprints</source>
        <translation>Blueprints</translation>
    </message>
    <message>
        <source>Linked accounts</source>
        <translation>Verknüpfte Konten</translation>
    </message>
    <message>
        <source>Blueprints and accounts</source>
        <translation>Blueprints und Konten</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::OfflineBanner</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Offline icon</source>
        <translation>Offline-Symbol</translation>
    </message>
    <message>
        <source>You are offline. Showing what was fetched before; we'll reconnect by itself.</source>
        <translation>Sie sind offline. Angezeigt wird, was zuvor geladen wurde; die Verbindung wird automatisch wiederhergestellt.</translation>
    </message>
    <message>
        <source>Offline message</source>
        <translation>Offline-Hinweis</translation>
    </message>
    <message>
        <source>Next connection attempt</source>
        <translation>Nächster Verbindungsversuch</translation>
    </message>
    <message>
        <source>Try to reach the server now</source>
        <translation>Jetzt versuchen, den Server zu erreichen</translation>
    </message>
    <message>
        <source>Checking the connection…</source>
        <translation>Verbindung wird geprüft…</translation>
    </message>
    <message numerus="yes">
        <source>Next try in %n s</source>
        <translation>
            <numerusform>Nächster Versuch in %n s</numerusform>
            <numerusform>Nächster Versuch in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::PreviewController</name>
    <message>
        <source>Select a blueprint to see it here.</source>
        <translation>Wählen Sie einen Blueprint, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Not available offline.

“%1” was not opened before the connection was lost; it will show here once we are back online.</source>
        <translation>Offline nicht verfügbar.

„%1“ wurde nicht geöffnet, bevor die Verbindung abbrach; es erscheint hier, sobald wir wieder online sind.</translation>
    </message>
    <message>
        <source>Rendering %1… (next export slot in %2 s)</source>
        <translation>%1 wird gerendert… (nächster Export möglich in %2 s)</translation>
    </message>
    <message>
        <source>Rendering %1…</source>
        <translation>%1 wird gerendert…</translation>
    </message>
    <message>
        <source>Not available offline.</source>
        <translation>Offline nicht verfügbar.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::PreviewDragSource</name>
    <message>
        <source>Drag the diagram out</source>
        <translation>Diagramm herausziehen</translation>
    </message>
    <message>
        <source>Drag this into a file manager or a slide to drop the diagram as a PNG file (or Ctrl+drag the image).</source>
        <translation>Ziehen Sie dies in einen Dateimanager oder auf eine Folie, um das Diagramm als PNG-Datei abzulegen (oder ziehen Sie das Bild mit Strg).</translation>
    </message>
    <message>
        <source>Drag</source>
        <translation>Ziehen</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::PreviewView</name>
    <message>
        <source>Diagram preview</source>
        <translation>Diagrammvorschau</translation>
    </message>
    <message>
        <source>Loading the preview</source>
        <translation>Vorschau wird geladen</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ProfilesSettingsPage</name>
    <message>
        <source>Profiles</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>A profile is one Cloudcraft account or API endpoint with its own API key. Keys are kept in your system keychain, never in a file.</source>
        <translation>Ein Profil ist ein Cloudcraft-Konto oder API-Endpunkt mit eigenem API-Schlüssel. Schlüssel werden im Schlüsselbund Ihres Systems aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>API URL</source>
        <translation>API-URL</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Hinzufügen…</translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation>Ein Profil hinzufügen</translation>
    </message>
    <message>
        <source>S&amp;witch to</source>
        <translation>&amp;Wechseln zu</translation>
    </message>
    <message>
        <source>Switch to this profile</source>
        <translation>Zu diesem Profil wechseln</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <source>Sign out of this profile</source>
        <translation>Von diesem Profil abmelden</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>Remove this profile</source>
        <translation>Dieses Profil entfernen</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Key saved</source>
        <translation>Schlüssel gespeichert</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <source>Switch to another profile before removing this one.</source>
        <translation>Wechseln Sie zu einem anderen Profil, bevor Sie dieses entfernen.</translation>
    </message>
    <message>
        <source>Add profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <source>Name of the new profile (letters, digits, dots, dashes):</source>
        <translation>Name des neuen Profils (Buchstaben, Ziffern, Punkte, Bindestriche):</translation>
    </message>
    <message>
        <source>"%1" cannot be a profile name: use letters, digits, dots and dashes.</source>
        <translation>„%1“ kann kein Profilname sein: Verwenden Sie Buchstaben, Ziffern, Punkte und Bindestriche.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Sign out of profile "%1" and remove its API key from this computer?</source>
        <translation>Vom Profil „%1“ abmelden und seinen API-Schlüssel von diesem Computer entfernen?</translation>
    </message>
    <message>
        <source>Remove profile</source>
        <translation>Profil entfernen</translation>
    </message>
    <message>
        <source>Remove profile "%1"? Its API key is removed from this computer too; the Cloudcraft account itself is not touched.</source>
        <translation>Profil „%1“ entfernen? Sein API-Schlüssel wird ebenfalls von diesem Computer entfernt; das Cloudcraft-Konto selbst bleibt unberührt.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::SessionController</name>
    <message>
        <source>Your keychain is locked, so the saved key cannot be read: unlock it, then choose Unlock and retry, or paste the key again.</source>
        <translation>Ihr Schlüsselbund ist gesperrt, daher kann der gespeicherte Schlüssel nicht gelesen werden: Entsperren Sie ihn und wählen Sie dann „Entsperren und wiederholen“, oder fügen Sie den Schlüssel erneut ein.</translation>
    </message>
    <message>
        <source>Cloudcraft no longer accepts the saved key for profile "%1": paste a new one.</source>
        <translation>Cloudcraft akzeptiert den gespeicherten Schlüssel für das Profil „%1“ nicht mehr: Fügen Sie einen neuen ein.</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Settings page</source>
        <translation>Einstellungsseite</translation>
    </message>
    <message>
        <source>Close settings</source>
        <translation>Einstellungen schließen</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Zoom towards the cursor</source>
        <translation>Zum Mauszeiger hin zoomen</translation>
    </message>
    <message>
        <source>Ctrl+Wheel</source>
        <translation>Strg+Mausrad</translation>
    </message>
    <message>
        <source>Fit / 100 % in the preview</source>
        <translation>Einpassen / 100 % in der Vorschau</translation>
    </message>
    <message>
        <source>F / 1</source>
        <translation>F / 1</translation>
    </message>
    <message>
        <source>Pan the preview</source>
        <translation>Vorschau verschieben</translation>
    </message>
    <message>
        <source>Drag, or the arrow keys</source>
        <translation>Ziehen oder die Pfeiltasten</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::SignInFlow</name>
    <message>
        <source>Paste your API key first.</source>
        <translation>Fügen Sie zuerst Ihren API-Schlüssel ein.</translation>
    </message>
    <message>
        <source>This does not look like a Cloudcraft API key: copy it again from the web app.</source>
        <translation>Das sieht nicht wie ein Cloudcraft-API-Schlüssel aus: Kopieren Sie ihn erneut aus der Web-App.</translation>
    </message>
    <message>
        <source>"%1" cannot be a profile name: use letters, digits, dots, dashes or underscores.</source>
        <translation>„%1“ kann kein Profilname sein: Verwenden Sie Buchstaben, Ziffern, Punkte, Binde- oder Unterstriche.</translation>
    </message>
    <message>
        <source>The API address is not usable: %1</source>
        <translation>Die API-Adresse ist nicht verwendbar: %1</translation>
    </message>
    <message>
        <source>The CA file %1 cannot be read: choose another one under Advanced.</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: Wählen Sie unter „Erweitert“ eine andere.</translation>
    </message>
    <message>
        <source>The profile could not be saved: %1</source>
        <translation>Das Profil konnte nicht gespeichert werden: %1</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::StatusPanel</name>
    <message>
        <source>Signed-in user</source>
        <translation>Angemeldeter Benutzer</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Request queue</source>
        <translation>Anfragewarteschlange</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>%1 · profile %2</source>
        <translation>%1 · Profil %2</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>○ Offline</source>
        <translation>○ Offline</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in progress</source>
        <translation>
            <numerusform>%n Anfrage läuft</numerusform>
            <numerusform>%n Anfragen laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>next export in %1 s</source>
        <translation>nächster Export in %1 s</translation>
    </message>
</context>
<context>
    <name>Cloudcraft::Ui::WelcomeDialog</name>
    <message>
        <source>Sign in to Cloudcraft</source>
        <translation>Bei Cloudcraft anmelden</translation>
    </message>
    <message>
        <source>Welcome to Cloudcraft Desktop</source>
        <translation>Willkommen bei Cloudcraft Desktop</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>How to get an API key</source>
        <translation>So erhalten Sie einen API-Schlüssel</translation>
    </message>
    <message>
        <source>&lt;p&gt;Cloudcraft Desktop works with a Cloudcraft &lt;b&gt;API key&lt;/b&gt;.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;An Owner or Admin of a Cloudcraft Pro account opens the Cloudcraft web app.&lt;/li&gt;&lt;li&gt;In the user menu, they choose &lt;b&gt;API keys&lt;/b&gt; and create a key.&lt;/li&gt;&lt;li&gt;They give it a name and pick &lt;b&gt;read&lt;/b&gt; or &lt;b&gt;read-write&lt;/b&gt; access.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;p&gt;Cloudcraft Desktop arbeitet mit einem Cloudcraft-&lt;b&gt;API-Schlüssel&lt;/b&gt;.&lt;/p&gt;&lt;ol&gt;&lt;li&gt;Ein Owner oder Admin eines Cloudcraft-Pro-Kontos öffnet die Cloudcraft-Web-App.&lt;/li&gt;&lt;li&gt;Im Benutzermenü wählt er &lt;b&gt;API keys&lt;/b&gt; und erstellt einen Schlüssel.&lt;/li&gt;&lt;li&gt;Er gibt ihm einen Namen und wählt Zugriff &lt;b&gt;read&lt;/b&gt; (nur lesen) oder &lt;b&gt;read-write&lt;/b&gt; (lesen und schreiben).&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>The key is checked with Cloudcraft, then kept in your system keychain, never in a file.</source>
        <translation>Der Schlüssel wird bei Cloudcraft geprüft und dann im Schlüsselbund Ihres Systems aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Where the key is kept</source>
        <translation>Wo der Schlüssel aufbewahrt wird</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Paste your API key</source>
        <translation>Fügen Sie Ihren API-Schlüssel ein</translation>
    </message>
    <message>
        <source>Saved key</source>
        <translation>Gespeicherter Schlüssel</translation>
    </message>
    <message>
        <source>A key ending in %1 is saved for this profile. Paste a new key to replace it.</source>
        <translation>Für dieses Profil ist ein Schlüssel gespeichert, der auf %1 endet. Fügen Sie einen neuen Schlüssel ein, um ihn zu ersetzen.</translation>
    </message>
    <message>
        <source>Saved key %1</source>
        <translation>Gespeicherter Schlüssel %1</translation>
    </message>
    <message>
        <source>&amp;API key:</source>
        <translation>&amp;API-Schlüssel:</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Erweiterte Einstellungen</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <source>API base URL</source>
        <translation>API-Basis-URL</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA-Zertifikatsdatei</translation>
    </message>
    <message>
        <source>System certificates</source>
        <translation>Systemzertifikate</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose a CA file</source>
        <translation>Eine CA-Datei wählen</translation>
    </message>
    <message>
        <source>&amp;Profile:</source>
        <translation>&amp;Profil:</translation>
    </message>
    <message>
        <source>API &amp;URL:</source>
        <translation>API-&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>Checking the key</source>
        <translation>Schlüssel wird geprüft</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Unlock and retry</source>
        <translation>Entsperren und wiederholen</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Dialog buttons</source>
        <translation>Dialogschaltflächen</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Checking the key with Cloudcraft…</source>
        <translation>Der Schlüssel wird bei Cloudcraft geprüft…</translation>
    </message>
    <message>
        <source>Saving the key in your keychain…</source>
        <translation>Der Schlüssel wird im Schlüsselbund gespeichert…</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2)</source>
        <translation>Angemeldet als %1 (%2)</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Choose a CA certificate file</source>
        <translation>Eine CA-Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>DiagramMimeData</name>
    <message>
        <source>There is no diagram image to copy yet.</source>
        <translation>Es gibt noch kein Diagrammbild zum Kopieren.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>the server</source>
        <translation>der Server</translation>
    </message>
    <message>
        <source>Cloudcraft rejected this API key (401): check that you copied all of it and that it has not been deleted in the web app.</source>
        <translation>Cloudcraft hat diesen API-Schlüssel abgelehnt (401): Prüfen Sie, ob Sie ihn vollständig kopiert haben und ob er in der Web-App nicht gelöscht wurde.</translation>
    </message>
    <message>
        <source>No API key is set: paste your key and sign in.</source>
        <translation>Kein API-Schlüssel festgelegt: Fügen Sie Ihren Schlüssel ein und melden Sie sich an.</translation>
    </message>
    <message>
        <source>Could not reach %1: check your network connection and the API address.</source>
        <translation>%1 ist nicht erreichbar: Prüfen Sie Ihre Netzwerkverbindung und die API-Adresse.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed because its certificate is not trusted: if this is a private server, choose its CA file under Advanced.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen, weil seinem Zertifikat nicht vertraut wird: Wenn es ein privater Server ist, wählen Sie unter „Erweitert“ seine CA-Datei.</translation>
    </message>
    <message>
        <source>%1 did not answer in time: check your connection and try again.</source>
        <translation>%1 hat nicht rechtzeitig geantwortet: Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Only https:// addresses are allowed for the API: fix the API address under Advanced.</source>
        <translation>Für die API sind nur https://-Adressen erlaubt: Korrigieren Sie die API-Adresse unter „Erweitert“.</translation>
    </message>
    <message>
        <source>This key is not allowed to do that (403): ask an Owner or Admin of your Cloudcraft account.</source>
        <translation>Dieser Schlüssel darf das nicht (403): Fragen Sie einen Owner oder Admin Ihres Cloudcraft-Kontos.</translation>
    </message>
    <message>
        <source>Cloudcraft asked us to slow down (429): wait a minute and try again.</source>
        <translation>Cloudcraft bittet um weniger Anfragen (429): Warten Sie eine Minute und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The Cloudcraft server had a problem (%1): try again in a few minutes.</source>
        <translation>Der Cloudcraft-Server hatte ein Problem (%1): Versuchen Sie es in einigen Minuten erneut.</translation>
    </message>
    <message>
        <source>Your keychain is locked, so the key was not saved: unlock it, then choose Unlock and retry.</source>
        <translation>Ihr Schlüsselbund ist gesperrt, daher wurde der Schlüssel nicht gespeichert: Entsperren Sie ihn und wählen Sie dann „Entsperren und wiederholen“.</translation>
    </message>
    <message>
        <source>Access to the keychain was denied, so the key was not saved: allow Cloudcraft Desktop and try again.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert, daher wurde der Schlüssel nicht gespeichert: Erlauben Sie Cloudcraft Desktop den Zugriff und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The keychain did not answer in time, so the key was not saved: try again.</source>
        <translation>Der Schlüsselbund hat nicht rechtzeitig geantwortet, daher wurde der Schlüssel nicht gespeichert: Versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The key could not be saved in the keychain.</source>
        <translation>Der Schlüssel konnte nicht im Schlüsselbund gespeichert werden.</translation>
    </message>
    <message>
        <source>No keychain is available on this computer: the key is kept for this session only, and you will be asked for it again next time.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar: Der Schlüssel wird nur für diese Sitzung aufbewahrt, und Sie werden beim nächsten Mal erneut danach gefragt.</translation>
    </message>
</context>
<context>
    <name>ResourceType</name>
    <message>
        <source>EC2 instance</source>
        <translation>EC2-Instanz</translation>
    </message>
    <message>
        <source>RDS database</source>
        <translation>RDS-Datenbank</translation>
    </message>
    <message>
        <source>S3 bucket</source>
        <translation>S3-Bucket</translation>
    </message>
    <message>
        <source>Load balancer</source>
        <translation>Load Balancer</translation>
    </message>
    <message>
        <source>Lambda function</source>
        <translation>Lambda-Funktion</translation>
    </message>
    <message>
        <source>DynamoDB table</source>
        <translation>DynamoDB-Tabelle</translation>
    </message>
    <message>
        <source>ElastiCache</source>
        <translation>ElastiCache</translation>
    </message>
    <message>
        <source>CloudFront</source>
        <translation>CloudFront</translation>
    </message>
    <message>
        <source>Route 53</source>
        <translation>Route 53</translation>
    </message>
    <message>
        <source>SQS queue</source>
        <translation>SQS-Warteschlange</translation>
    </message>
    <message>
        <source>SNS topic</source>
        <translation>SNS-Thema</translation>
    </message>
    <message>
        <source>API Gateway</source>
        <translation>API Gateway</translation>
    </message>
    <message>
        <source>NAT gateway</source>
        <translation>NAT-Gateway</translation>
    </message>
    <message>
        <source>VPC</source>
        <translation>VPC</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>Subnetz</translation>
    </message>
    <message>
        <source>Security group</source>
        <translation>Sicherheitsgruppe</translation>
    </message>
    <message>
        <source>Auto Scaling group</source>
        <translation>Auto-Scaling-Gruppe</translation>
    </message>
    <message>
        <source>EKS cluster</source>
        <translation>EKS-Cluster</translation>
    </message>
    <message>
        <source>Virtual machine</source>
        <translation>Virtuelle Maschine</translation>
    </message>
    <message>
        <source>SQL database</source>
        <translation>SQL-Datenbank</translation>
    </message>
    <message>
        <source>Blob storage</source>
        <translation>Blob-Speicher</translation>
    </message>
    <message>
        <source>Cache for Redis</source>
        <translation>Cache for Redis</translation>
    </message>
    <message>
        <source>Function app</source>
        <translation>Funktions-App</translation>
    </message>
    <message>
        <source>Application gateway</source>
        <translation>Application Gateway</translation>
    </message>
    <message>
        <source>Virtual network</source>
        <translation>Virtuelles Netzwerk</translation>
    </message>
</context>
</TS>
